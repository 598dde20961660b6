/* json.c - recursive-descent JSON reader; see json.h. */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

enum { JSON_MAX_DEPTH = 64 };

struct json_parser {
	const char *s;
	size_t len, pos;
	struct arena *arena;
	struct err *e;
	const char *what;
};

static enum rwkvc_status fail(struct json_parser *p, const char *msg)
{
	return err_set(p->e, RWKVC_STATUS_BAD_FORMAT, "%s: JSON error at byte %zu: %s", p->what,
		       p->pos, msg);
}

static void skip_ws(struct json_parser *p)
{
	while (p->pos < p->len) {
		char c = p->s[p->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

static int peek(struct json_parser *p) { return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1; }

static enum rwkvc_status parse_value(struct json_parser *p, int depth, struct json_value **out);

static int hex4(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return 0;
	}
	*out = v;
	return 1;
}

/* Parses a string starting at the opening quote; decoded text goes to the arena. */
static enum rwkvc_status parse_string(struct json_parser *p, char **out, size_t *out_len)
{
	p->pos++; /* opening quote */
	size_t start = p->pos;
	size_t end = start;
	while (end < p->len && p->s[end] != '"') {
		if (p->s[end] == '\\')
			end++;
		end++;
	}
	if (end >= p->len)
		return fail(p, "unterminated string");
	/* decoded text is never longer than the escaped text */
	char *d = arena_alloc(p->arena, p->e, end - start + 1);
	if (!d)
		return p->e->status;
	size_t n = 0;
	while (p->pos < end) {
		unsigned char c = (unsigned char)p->s[p->pos];
		if (c < 0x20)
			return fail(p, "control character in string");
		if (c != '\\') {
			d[n++] = (char)c;
			p->pos++;
			continue;
		}
		p->pos++;
		char esc = p->s[p->pos++];
		switch (esc) {
		case '"': d[n++] = '"'; break;
		case '\\': d[n++] = '\\'; break;
		case '/': d[n++] = '/'; break;
		case 'b': d[n++] = '\b'; break;
		case 'f': d[n++] = '\f'; break;
		case 'n': d[n++] = '\n'; break;
		case 'r': d[n++] = '\r'; break;
		case 't': d[n++] = '\t'; break;
		case 'u': {
			uint32_t cp;
			if (p->pos + 4 > end || !hex4(p->s + p->pos, &cp))
				return fail(p, "bad \\u escape");
			p->pos += 4;
			if (cp >= 0xd800 && cp < 0xdc00) {
				uint32_t lo;
				if (p->pos + 6 > end || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u' ||
				    !hex4(p->s + p->pos + 2, &lo) || lo < 0xdc00 || lo >= 0xe000)
					return fail(p, "unpaired surrogate in \\u escape");
				p->pos += 6;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp < 0xe000) {
				return fail(p, "unpaired surrogate in \\u escape");
			}
			n += utf8_encode(cp, d + n);
			break;
		}
		default:
			p->pos--;
			return fail(p, "bad escape in string");
		}
	}
	p->pos = end + 1;
	d[n] = '\0';
	*out = d;
	*out_len = n;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_number(struct json_parser *p, struct json_value *v)
{
	size_t start = p->pos;
	if (peek(p) == '-')
		p->pos++;
	if (peek(p) == '0') {
		p->pos++;
	} else if (peek(p) >= '1' && peek(p) <= '9') {
		while (peek(p) >= '0' && peek(p) <= '9')
			p->pos++;
	} else {
		return fail(p, "bad number");
	}
	int integral = 1;
	if (peek(p) == '.') {
		integral = 0;
		p->pos++;
		if (!(peek(p) >= '0' && peek(p) <= '9'))
			return fail(p, "bad number");
		while (peek(p) >= '0' && peek(p) <= '9')
			p->pos++;
	}
	if (peek(p) == 'e' || peek(p) == 'E') {
		integral = 0;
		p->pos++;
		if (peek(p) == '+' || peek(p) == '-')
			p->pos++;
		if (!(peek(p) >= '0' && peek(p) <= '9'))
			return fail(p, "bad number");
		while (peek(p) >= '0' && peek(p) <= '9')
			p->pos++;
	}
	char buf[64];
	size_t n = p->pos - start;
	if (n >= sizeof buf)
		return fail(p, "number too long");
	memcpy(buf, p->s + start, n);
	buf[n] = '\0';
	v->type = JSON_NUMBER;
	v->number = strtod(buf, NULL);
	if (integral) {
		/* exact int64 when it fits: 19 digits always do, 20 may not */
		size_t digits = n - (buf[0] == '-');
		if (digits <= 18 || (digits == 19 && strcmp(buf + (buf[0] == '-'), "9223372036854775807") <= 0)) {
			v->is_integer = true;
			v->integer = strtoll(buf, NULL, 10);
		}
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status push_item(struct json_parser *p, struct json_value *v, size_t *cap,
				   struct json_value *item, char *key, size_t key_len)
{
	if (v->count == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		struct json_value **items = arena_alloc(p->arena, p->e, nc * sizeof *items);
		if (!items)
			return p->e->status;
		if (v->count)
			memcpy(items, v->items, v->count * sizeof *items);
		v->items = items;
		if (v->type == JSON_OBJECT) {
			char **keys = arena_alloc(p->arena, p->e, nc * sizeof *keys);
			size_t *lens = arena_alloc(p->arena, p->e, nc * sizeof *lens);
			if (!keys || !lens)
				return p->e->status;
			if (v->count) {
				memcpy(keys, v->keys, v->count * sizeof *keys);
				memcpy(lens, v->key_lens, v->count * sizeof *lens);
			}
			v->keys = keys;
			v->key_lens = lens;
		}
		*cap = nc;
	}
	if (v->type == JSON_OBJECT) {
		v->keys[v->count] = key;
		v->key_lens[v->count] = key_len;
	}
	v->items[v->count++] = item;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_container(struct json_parser *p, int depth, struct json_value *v)
{
	int is_obj = peek(p) == '{';
	char close = is_obj ? '}' : ']';
	v->type = is_obj ? JSON_OBJECT : JSON_ARRAY;
	size_t cap = 0;
	p->pos++;
	skip_ws(p);
	if (peek(p) == close) {
		p->pos++;
		return RWKVC_STATUS_OK;
	}
	for (;;) {
		char *key = NULL;
		size_t key_len = 0;
		skip_ws(p);
		if (is_obj) {
			if (peek(p) != '"')
				return fail(p, "expected a string key");
			TRY(parse_string(p, &key, &key_len));
			skip_ws(p);
			if (peek(p) != ':')
				return fail(p, "expected ':'");
			p->pos++;
		}
		struct json_value *item;
		TRY(parse_value(p, depth + 1, &item));
		TRY(push_item(p, v, &cap, item, key, key_len));
		skip_ws(p);
		if (peek(p) == ',') {
			p->pos++;
			continue;
		}
		if (peek(p) == close) {
			p->pos++;
			return RWKVC_STATUS_OK;
		}
		return fail(p, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static enum rwkvc_status parse_value(struct json_parser *p, int depth, struct json_value **out)
{
	if (depth > JSON_MAX_DEPTH)
		return fail(p, "nested too deeply");
	skip_ws(p);
	struct json_value *v = arena_alloc(p->arena, p->e, sizeof *v);
	if (!v)
		return p->e->status;
	v->offset = p->pos;
	*out = v;
	int c = peek(p);
	if (c == '{' || c == '[')
		return parse_container(p, depth, v);
	if (c == '"') {
		v->type = JSON_STRING;
		return parse_string(p, &v->string, &v->string_len);
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(p, v);
	static const struct { const char *word; enum json_type type; bool b; } words[] = {
		{ "true", JSON_BOOL, true }, { "false", JSON_BOOL, false }, { "null", JSON_NULL, false }
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].word);
		if (p->len - p->pos >= n && memcmp(p->s + p->pos, words[i].word, n) == 0) {
			p->pos += n;
			v->type = words[i].type;
			v->boolean = words[i].b;
			return RWKVC_STATUS_OK;
		}
	}
	return fail(p, c < 0 ? "unexpected end of input" : "unexpected character");
}

enum rwkvc_status json_parse(struct err *e, struct arena *arena, const char *text, size_t len,
			     const char *what, struct json_value **out_value)
{
	struct json_parser p = { text, len, 0, arena, e, what };
	TRY(parse_value(&p, 0, out_value));
	skip_ws(&p);
	if (p.pos != p.len)
		return fail(&p, "trailing characters after the value");
	return RWKVC_STATUS_OK;
}

const struct json_value *json_get(const struct json_value *obj, const char *key)
{
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	size_t n = strlen(key);
	for (size_t i = 0; i < obj->count; i++)
		if (obj->key_lens[i] == n && memcmp(obj->keys[i], key, n) == 0)
			return obj->items[i];
	return NULL;
}
