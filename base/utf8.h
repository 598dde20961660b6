/*
 * utf8.h - UTF-8 encoding, validation of one character, and finding where a
 * byte string stops at a character boundary (for streaming text out).
 *
 * "Valid" follows RFC 3629: shortest form only, no surrogates, nothing above
 * U+10FFFF.
 */
#ifndef RWKVC_BASE_UTF8_H
#define RWKVC_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Writes the UTF-8 form of code point `cp` (< 0x110000) to `out`; returns its length, 1 to 4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* The length (1 to 4) of the valid character at the start of s[0..n), or 0 when
 * the bytes there are not a complete valid character. */
size_t utf8_char_len(const uint8_t *s, size_t n);

/*
 * How many bytes at the end of s[0..n) are the start of a valid character
 * that is still missing bytes (0 to 3). Those bytes may become valid once more
 * arrive; everything before them can be sent on. Bytes that can never become
 * valid (a stray continuation byte, an overlong lead) are not counted: holding
 * them back would not help.
 */
size_t utf8_incomplete_tail(const uint8_t *s, size_t n);

#endif
