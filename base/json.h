/*
 * json.h - a small strict JSON reader (RFC 8259) into an arena.
 *
 * Used for safetensors headers and test data. Depth is limited so hostile
 * input cannot exhaust the stack; errors give the byte offset.
 */
#ifndef RWKVC_BASE_JSON_H
#define RWKVC_BASE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "mem.h"

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_value {
	enum json_type type;
	size_t offset; /* byte offset of the value in the text, for messages */
	bool boolean;
	double number;
	bool is_integer; /* the text was an integer that fits int64 */
	int64_t integer;
	char *string; /* decoded UTF-8, NUL-terminated (may hold NULs: see string_len) */
	size_t string_len;
	size_t count;              /* array items / object members */
	struct json_value **items; /* array items or object values */
	char **keys;               /* object keys, in file order */
	size_t *key_lens;
};

/* Parses `text[0..len)`. Everything lives in `arena`. `what` names the input in errors. */
enum rwkvc_status json_parse(struct err *e, struct arena *arena, const char *text, size_t len,
			     const char *what, struct json_value **out_value);

/* The member `key` of an object, or NULL. */
const struct json_value *json_get(const struct json_value *obj, const char *key);

#endif
