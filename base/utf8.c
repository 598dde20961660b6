/* utf8.c - see utf8.h. */
#include "utf8.h"

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The length a lead byte announces (0: not a lead byte of valid UTF-8), and the
 * range the second byte must fall in; the narrower ranges after E0, ED, F0 and
 * F4 are what rule out overlong forms, surrogates and code points past U+10FFFF. */
static size_t lead_info(uint8_t b, uint8_t *lo, uint8_t *hi)
{
	*lo = 0x80;
	*hi = 0xbf;
	if (b < 0x80)
		return 1;
	if (b >= 0xc2 && b <= 0xdf)
		return 2;
	if (b >= 0xe0 && b <= 0xef) {
		if (b == 0xe0)
			*lo = 0xa0;
		if (b == 0xed)
			*hi = 0x9f;
		return 3;
	}
	if (b >= 0xf0 && b <= 0xf4) {
		if (b == 0xf0)
			*lo = 0x90;
		if (b == 0xf4)
			*hi = 0x8f;
		return 4;
	}
	return 0;
}

/* True when s[1..k) are the continuation bytes a character led by s[0] may have. */
static int continuations_ok(const uint8_t *s, size_t k, uint8_t lo, uint8_t hi)
{
	for (size_t i = 1; i < k; i++) {
		uint8_t min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xbf;
		if (s[i] < min || s[i] > max)
			return 0;
	}
	return 1;
}

size_t utf8_char_len(const uint8_t *s, size_t n)
{
	uint8_t lo, hi;
	if (n == 0)
		return 0;
	size_t len = lead_info(s[0], &lo, &hi);
	if (len == 0 || len > n || !continuations_ok(s, len, lo, hi))
		return 0;
	return len;
}

size_t utf8_incomplete_tail(const uint8_t *s, size_t n)
{
	/* a character is at most 4 bytes, so an unfinished one starts in the last 3 */
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		const uint8_t *start = s + n - k;
		if (*start >= 0x80 && *start <= 0xbf)
			continue; /* a continuation byte: the lead is further back */
		uint8_t lo, hi;
		size_t len = lead_info(*start, &lo, &hi);
		return len > k && continuations_ok(start, k, lo, hi) ? k : 0;
	}
	return 0;
}
