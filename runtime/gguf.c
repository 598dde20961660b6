/*
 * gguf.c - see gguf.h. The parser checks every length against what is left
 * of the buffer before it reads, so a hostile file ends in a message, never
 * in a read past the end or an allocation the file's size does not justify.
 */
#include "gguf.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_ARRAY_DEPTH = 8, MAX_KEY_LEN = 65535 };

/* The smallest encodings: a key/value (1-byte key, 1-byte value) and a tensor info (1 dim). */
enum { MIN_KV_BYTES = 8 + 1 + 4 + 1, MIN_TENSOR_INFO_BYTES = 8 + 1 + 4 + 8 + 4 + 8 };

struct cursor {
	const uint8_t *data;
	size_t size, pos;
	const char *what;
	struct err *e;
};

static const char *const type_names[GGUF_TYPE_COUNT] = {
	"uint8", "int8", "uint16", "int16", "uint32", "int32", "float32",
	"bool",  "string", "array", "uint64", "int64", "float64",
};

/* Encoded size of fixed-size types; 0 for string and array. */
static const uint8_t fixed_size[GGUF_TYPE_COUNT] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };

const char *gguf_type_name(enum gguf_type t)
{
	return (unsigned)t < GGUF_TYPE_COUNT ? type_names[t] : "?";
}

const char *gguf_ggml_type_name(uint32_t t)
{
	/* ggml's numbering; gaps are types ggml has retired */
	static const char *const names[] = {
		"F32",   "F16",     "Q4_0",    "Q4_1",    NULL,     NULL,      "Q5_0",   "Q5_1",
		"Q8_0",  "Q8_1",    "Q2_K",    "Q3_K",    "Q4_K",   "Q5_K",    "Q6_K",   "Q8_K",
		"IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S",  "IQ4_NL", "IQ3_S",   "IQ2_S",  "IQ4_XS",
		"I8",    "I16",     "I32",     "I64",     "F64",    "IQ1_M",   "BF16",   NULL,
		NULL,    NULL,      "TQ1_0",   "TQ2_0",   NULL,     NULL,      NULL,     "MXFP4",
	};
	return t < sizeof names / sizeof names[0] ? names[t] : NULL;
}

static bool dtype_of_ggml(uint32_t t, enum dtype *out)
{
	switch (t) {
	case GGML_TYPE_F32: *out = DTYPE_F32; return true;
	case GGML_TYPE_F16: *out = DTYPE_F16; return true;
	case GGML_TYPE_BF16: *out = DTYPE_BF16; return true;
	case GGML_TYPE_Q8_0: *out = DTYPE_Q8_0; return true;
	case GGML_TYPE_Q4_K: *out = DTYPE_Q4_K; return true;
	case GGML_TYPE_Q6_K: *out = DTYPE_Q6_K; return true;
	default: return false;
	}
}

/* ---- reading primitives ---- */

static uint64_t load_le(const uint8_t *p, int n)
{
	uint64_t v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/*
 * Fields are named in messages by `thing`, followed by 'name' when a name is
 * given ("key 'general.name'"); formatting only on failure keeps arrays of
 * 65536 tokens cheap.
 */
static enum rwkvc_status need(struct cursor *c, uint64_t n, const char *thing, const char *name)
{
	if (n > c->size - c->pos)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: %s%s%s%s at byte %zu needs %" PRIu64
			       " bytes, but the file ends %zu bytes later",
			       c->what, thing, name ? " '" : "", name ? name : "", name ? "'" : "",
			       c->pos, n, c->size - c->pos);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status read_field(struct cursor *c, int n, const char *thing, const char *name,
				    uint64_t *out)
{
	TRY(need(c, (uint64_t)n, thing, name));
	*out = load_le(c->data + c->pos, n);
	c->pos += (size_t)n;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status read_uint(struct cursor *c, int n, const char *thing, uint64_t *out)
{
	return read_field(c, n, thing, NULL, out);
}

static enum rwkvc_status read_u32(struct cursor *c, const char *thing, uint32_t *out)
{
	uint64_t v;
	TRY(read_uint(c, 4, thing, &v));
	*out = (uint32_t)v;
	return RWKVC_STATUS_OK;
}

/* A length-prefixed string, left in the buffer. */
static enum rwkvc_status read_str(struct cursor *c, const char *thing, const char *name,
				  const char **out, uint64_t *out_len)
{
	size_t at = c->pos;
	uint64_t len;
	TRY(read_field(c, 8, thing, name, &len));
	if (len > c->size - c->pos)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: %s%s%s%s: string of %" PRIu64 " bytes at byte %zu runs past the "
			       "end of the file (%zu bytes left)",
			       c->what, thing, name ? " '" : "", name ? name : "", name ? "'" : "", len,
			       at, c->size - c->pos);
	*out = (const char *)c->data + c->pos;
	*out_len = len;
	c->pos += (size_t)len;
	return RWKVC_STATUS_OK;
}

/* A key or tensor name: non-empty, no NUL bytes, at most `max` bytes; copied NUL-terminated. */
static enum rwkvc_status read_name(struct cursor *c, struct arena *a, const char *thing,
				   uint64_t max, const char **out)
{
	const char *s;
	uint64_t len;
	size_t at = c->pos;
	TRY(read_str(c, thing, NULL, &s, &len));
	if (len == 0 || len > max || memchr(s, '\0', (size_t)len))
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: %s at byte %zu is %s", c->what, thing, at,
			       len == 0 ? "empty" : len > max ? "too long" : "not text (has a NUL byte)");
	*out = arena_strndup(a, c->e, s, (size_t)len);
	return *out ? RWKVC_STATUS_OK : c->e->status;
}

static enum rwkvc_status read_value(struct cursor *c, enum gguf_type t, int depth,
				    const char *key, struct gguf_value *v);

static enum rwkvc_status read_array(struct cursor *c, int depth, const char *key,
				    struct gguf_value *v)
{
	uint32_t elem;
	size_t at = c->pos;
	TRY(read_u32(c, "array type", &elem));
	TRY(read_uint(c, 8, "array length", &v->count));
	if (elem >= GGUF_TYPE_COUNT)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: key '%s': array at byte %zu has unknown element type %" PRIu32,
			       c->what, key, at, elem);
	if (depth >= MAX_ARRAY_DEPTH)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: key '%s': arrays nested more than %d deep", c->what, key,
			       MAX_ARRAY_DEPTH);
	v->elem = (enum gguf_type)elem;
	v->elems = c->data + c->pos;
	/* smallest element: a fixed size, an empty string (8) or an empty array (12) */
	uint64_t min = fixed_size[elem] ? fixed_size[elem] : elem == GGUF_TYPE_STRING ? 8 : 12;
	if (v->count > (c->size - c->pos) / min)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: key '%s': array of %" PRIu64 " %s values at byte %zu runs past the end "
			       "of the file (%zu bytes left)",
			       c->what, key, v->count, type_names[elem], at, c->size - c->pos);
	if (fixed_size[elem] && elem != GGUF_TYPE_BOOL) {
		v->elems_size = (size_t)(v->count * min);
		c->pos += v->elems_size;
		return RWKVC_STATUS_OK;
	}
	struct gguf_value item;
	for (uint64_t i = 0; i < v->count; i++)
		TRY(read_value(c, v->elem, depth + 1, key, &item));
	v->elems_size = (size_t)(c->data + c->pos - v->elems);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status read_value(struct cursor *c, enum gguf_type t, int depth,
				    const char *key, struct gguf_value *v)
{
	memset(v, 0, sizeof *v);
	v->type = t;
	if (t == GGUF_TYPE_STRING)
		return read_str(c, "key", key, &v->str, &v->len);
	if (t == GGUF_TYPE_ARRAY)
		return read_array(c, depth, key, v);
	size_t at = c->pos;
	uint64_t u;
	TRY(read_field(c, fixed_size[t], "key", key, &u));
	int bits = 8 * fixed_size[t];
	switch (t) {
	case GGUF_TYPE_INT8:
	case GGUF_TYPE_INT16:
	case GGUF_TYPE_INT32:
	case GGUF_TYPE_INT64:
		/* sign-extend from `bits` */
		v->i = bits == 64 ? (int64_t)u
				  : (int64_t)(u ^ (1ull << (bits - 1))) - (int64_t)(1ull << (bits - 1));
		break;
	case GGUF_TYPE_FLOAT32: {
		uint32_t b = (uint32_t)u;
		float f;
		memcpy(&f, &b, 4);
		v->f = f;
		break;
	}
	case GGUF_TYPE_FLOAT64:
		memcpy(&v->f, &u, 8);
		break;
	case GGUF_TYPE_BOOL:
		if (u > 1)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: key '%s': bool at byte %zu is %" PRIu64 ", not 0 or 1",
				       c->what, key, at, u);
		/* fall through */
	default:
		v->u = u;
		break;
	}
	return RWKVC_STATUS_OK;
}

/* ---- header and key/values ---- */

static enum rwkvc_status read_header(struct cursor *c, struct gguf_file *g, uint64_t *n_tensors,
				     uint64_t *n_kv)
{
	if (c->size < 4 || memcmp(c->data, "GGUF", 4) != 0) {
		char m[5] = { 0 };
		for (size_t i = 0; i < 4 && i < c->size; i++)
			m[i] = c->data[i] >= 32 && c->data[i] < 127 ? (char)c->data[i] : '?';
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: not a GGUF file (starts with '%s', not 'GGUF')", c->what, m);
	}
	c->pos = 4;
	TRY(read_u32(c, "version", &g->version));
	if (g->version != 2 && g->version != 3) {
		if ((g->version & 0xffff) == 0 && g->version != 0)
			return err_set(c->e, RWKVC_STATUS_UNSUPPORTED,
				       "%s: GGUF version field is %#" PRIx32 ": a big-endian GGUF file, "
				       "which rwkvc does not read",
				       c->what, g->version);
		return err_set(c->e, RWKVC_STATUS_UNSUPPORTED,
			       "%s: GGUF version %" PRIu32 " is not supported (only 2 and 3)", c->what,
			       g->version);
	}
	TRY(read_uint(c, 8, "tensor count", n_tensors));
	TRY(read_uint(c, 8, "key/value count", n_kv));
	size_t left = c->size - c->pos;
	if (*n_kv > left / MIN_KV_BYTES)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: header claims %" PRIu64 " key/values, but the %zu bytes after it "
			       "hold at most %zu",
			       c->what, *n_kv, left, left / MIN_KV_BYTES);
	if (*n_tensors > left / MIN_TENSOR_INFO_BYTES)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: header claims %" PRIu64 " tensors, but the %zu bytes after it "
			       "hold at most %zu",
			       c->what, *n_tensors, left, left / MIN_TENSOR_INFO_BYTES);
	return RWKVC_STATUS_OK;
}

static int cmp_kv(const void *a, const void *b)
{
	return strcmp(((const struct gguf_kv *)a)->key, ((const struct gguf_kv *)b)->key);
}

static enum rwkvc_status read_kvs(struct cursor *c, struct arena *a, struct gguf_file *g)
{
	for (size_t i = 0; i < g->n_kv; i++) {
		struct gguf_kv *kv = &g->kv[i];
		uint32_t type;
		TRY(read_name(c, a, "key name", MAX_KEY_LEN, &kv->key));
		size_t at = c->pos;
		TRY(read_u32(c, "value type", &type));
		if (type >= GGUF_TYPE_COUNT)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: key '%s': unknown value type %" PRIu32 " at byte %zu",
				       c->what, kv->key, type, at);
		TRY(read_value(c, (enum gguf_type)type, 0, kv->key, &kv->value));
	}
	/* duplicates, found on a sorted copy so the file order is kept */
	struct gguf_kv *sorted = arena_alloc(a, c->e, g->n_kv * sizeof *sorted);
	if (!sorted)
		return c->e->status;
	memcpy(sorted, g->kv, g->n_kv * sizeof *sorted);
	qsort(sorted, g->n_kv, sizeof *sorted, cmp_kv);
	for (size_t i = 1; i < g->n_kv; i++) {
		if (strcmp(sorted[i - 1].key, sorted[i].key) == 0)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT, "%s: key '%s' appears twice",
				       c->what, sorted[i].key);
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status read_alignment(struct cursor *c, struct gguf_file *g)
{
	const struct gguf_kv *kv = gguf_find(g, "general.alignment");
	g->alignment = GGUF_DEFAULT_ALIGNMENT;
	if (!kv)
		return RWKVC_STATUS_OK;
	if (kv->value.type != GGUF_TYPE_UINT32)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: general.alignment has type %s, not uint32", c->what,
			       type_names[kv->value.type]);
	uint64_t al = kv->value.u;
	if (al < 8 || (al & (al - 1)) != 0)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: general.alignment %" PRIu64 " is not a power of two of at least 8",
			       c->what, al);
	g->alignment = (uint32_t)al;
	return RWKVC_STATUS_OK;
}

/* ---- tensor infos ---- */

static enum rwkvc_status read_tensor_info(struct cursor *c, struct arena *a, struct gguf_tensor *t)
{
	TRY(read_name(c, a, "tensor name", GGUF_MAX_NAME, &t->name));
	size_t at = c->pos;
	TRY(read_u32(c, "dimension count", &t->n_dims));
	if (t->n_dims < 1 || t->n_dims > GGUF_MAX_DIMS)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s' has %" PRIu32 " dimensions (byte %zu); 1 to %d are allowed",
			       c->what, t->name, t->n_dims, at, GGUF_MAX_DIMS);
	uint64_t numel = 1;
	for (int d = 0; d < GGUF_MAX_DIMS; d++)
		t->ne[d] = 1;
	for (int d = 0; d < GGUF_MAX_DIMS; d++) {
		if ((uint32_t)d < t->n_dims)
			TRY(read_uint(c, 8, "dimension", &t->ne[d]));
		if (t->ne[d] == 0)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s': dimension %d is 0", c->what, t->name, d);
		if (t->ne[d] > (uint64_t)INT64_MAX / numel)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s': dims %" PRIu64 " x %" PRIu64 " x %" PRIu64
				       " x %" PRIu64 " overflow a 64-bit element count",
				       c->what, t->name, t->ne[0], t->ne[1], t->ne[2], t->ne[3]);
		numel *= t->ne[d];
	}
	at = c->pos;
	TRY(read_u32(c, "tensor type", &t->ggml_type));
	if (!dtype_of_ggml(t->ggml_type, &t->dtype)) {
		const char *name = gguf_ggml_type_name(t->ggml_type);
		if (!name)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s' has unknown ggml type %" PRIu32 " (byte %zu)",
				       c->what, t->name, t->ggml_type, at);
		return err_set(c->e, RWKVC_STATUS_UNSUPPORTED,
			       "%s: tensor '%s' has type %s (%" PRIu32 "), which rwkvc does not read "
			       "(it reads F32, F16, BF16, Q8_0, Q4_K, Q6_K)",
			       c->what, t->name, name, t->ggml_type);
	}
	uint32_t block = dtype_block(t->dtype);
	if (t->ne[0] % block != 0)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': rows of %" PRIu64 " values are not whole %s blocks of %u",
			       c->what, t->name, t->ne[0], dtype_name(t->dtype), block);
	uint64_t block_bytes = dtype_bytes(t->dtype, block);
	if (numel / block > SIZE_MAX / block_bytes)
		return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s' of %" PRIu64 " values has more bytes than memory can hold",
			       c->what, t->name, numel);
	t->nbytes = (size_t)(numel / block * block_bytes);
	return read_uint(c, 8, "tensor offset", &t->offset);
}

static int cmp_tensor_name(const void *a, const void *b)
{
	return strcmp((*(const struct gguf_tensor *const *)a)->name,
		      (*(const struct gguf_tensor *const *)b)->name);
}

static int cmp_tensor_offset(const void *a, const void *b)
{
	uint64_t x = (*(const struct gguf_tensor *const *)a)->offset;
	uint64_t y = (*(const struct gguf_tensor *const *)b)->offset;
	return x < y ? -1 : x > y;
}

/* Offsets aligned and in range; names unique; no two tensors share bytes. */
static enum rwkvc_status check_tensors(struct cursor *c, struct arena *a, struct gguf_file *g)
{
	size_t data_size = c->size - g->data_start;
	for (size_t i = 0; i < g->n_tensors; i++) {
		struct gguf_tensor *t = &g->tensors[i];
		if (t->offset % g->alignment != 0)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s': data offset %" PRIu64
				       " is not a multiple of the alignment %" PRIu32,
				       c->what, t->name, t->offset, g->alignment);
		if (t->offset > data_size || t->nbytes > data_size - t->offset)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s': %zu bytes at data offset %" PRIu64 " exceed the %zu "
				       "bytes of tensor data",
				       c->what, t->name, t->nbytes, t->offset, data_size);
		t->data = c->data + g->data_start + t->offset;
	}
	struct gguf_tensor **by = arena_alloc(a, c->e, g->n_tensors * sizeof *by);
	if (!by)
		return c->e->status;
	for (size_t i = 0; i < g->n_tensors; i++)
		by[i] = &g->tensors[i];
	qsort(by, g->n_tensors, sizeof *by, cmp_tensor_name);
	for (size_t i = 1; i < g->n_tensors; i++) {
		if (strcmp(by[i - 1]->name, by[i]->name) == 0)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT, "%s: tensor name '%s' appears twice",
				       c->what, by[i]->name);
	}
	qsort(by, g->n_tensors, sizeof *by, cmp_tensor_offset);
	for (size_t i = 1; i < g->n_tensors; i++) {
		if (by[i - 1]->offset + by[i - 1]->nbytes > by[i]->offset)
			return err_set(c->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensors '%s' and '%s' overlap in the data section", c->what,
				       by[i - 1]->name, by[i]->name);
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status gguf_read(struct err *e, struct arena *arena, const uint8_t *data, size_t size,
			    const char *what, struct gguf_file *out)
{
	struct cursor c = { data, size, 0, what, e };
	uint64_t n_tensors = 0, n_kv = 0;
	memset(out, 0, sizeof *out);
	out->what = what;
	TRY(read_header(&c, out, &n_tensors, &n_kv));
	/* the counts were checked against the file size, so these allocations are bounded */
	out->n_kv = (size_t)n_kv;
	out->n_tensors = (size_t)n_tensors;
	out->kv = arena_alloc(arena, e, out->n_kv * sizeof *out->kv);
	out->tensors = arena_alloc(arena, e, out->n_tensors * sizeof *out->tensors);
	if (!out->kv || !out->tensors)
		return e->status;
	TRY(read_kvs(&c, arena, out));
	TRY(read_alignment(&c, out));
	for (size_t i = 0; i < out->n_tensors; i++)
		TRY(read_tensor_info(&c, arena, &out->tensors[i]));
	size_t pad = (out->alignment - c.pos % out->alignment) % out->alignment;
	if (out->n_tensors > 0 && pad > c.size - c.pos)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: the file ends at byte %zu, before its tensor data", what, c.size);
	out->data_start = out->n_tensors > 0 ? c.pos + pad : c.pos;
	return check_tensors(&c, arena, out);
}

/* ---- lookups ---- */

enum rwkvc_status gguf_array_next(struct err *e, const char *what, const struct gguf_value *arr,
				  size_t *offset, struct gguf_value *out_item)
{
	struct cursor c = { arr->elems, arr->elems_size, *offset, what, e };
	/* depth 1: the array itself was checked to nest no deeper than the limit */
	TRY(read_value(&c, arr->elem, 1, "array item", out_item));
	*offset = c.pos;
	return RWKVC_STATUS_OK;
}

const struct gguf_kv *gguf_find(const struct gguf_file *g, const char *key)
{
	for (size_t i = 0; i < g->n_kv; i++) {
		if (strcmp(g->kv[i].key, key) == 0)
			return &g->kv[i];
	}
	return NULL;
}

enum rwkvc_status gguf_get_uint(struct err *e, const struct gguf_file *g, const char *key,
				uint64_t *out)
{
	const struct gguf_kv *kv = gguf_find(g, key);
	if (!kv)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: has no key '%s'", g->what, key);
	switch (kv->value.type) {
	case GGUF_TYPE_UINT8:
	case GGUF_TYPE_UINT16:
	case GGUF_TYPE_UINT32:
	case GGUF_TYPE_UINT64:
		*out = kv->value.u;
		return RWKVC_STATUS_OK;
	case GGUF_TYPE_INT8:
	case GGUF_TYPE_INT16:
	case GGUF_TYPE_INT32:
	case GGUF_TYPE_INT64:
		if (kv->value.i >= 0) {
			*out = (uint64_t)kv->value.i;
			return RWKVC_STATUS_OK;
		}
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: key '%s' is negative (%" PRId64 ")",
			       g->what, key, kv->value.i);
	default:
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: key '%s' is a %s, not an integer",
			       g->what, key, type_names[kv->value.type]);
	}
}

/* ---- as a weight_file ---- */

enum rwkvc_status gguf_parse(struct err *e, const uint8_t *data, size_t size, const char *what,
			     struct weight_file *out_w)
{
	enum rwkvc_status st;
	struct arena scratch; /* the parsed tables; the weight_file keeps only what it presents */
	struct gguf_file g;
	memset(out_w, 0, sizeof *out_w);
	arena_init(&out_w->arena);
	arena_init(&scratch);
	out_w->format = WEIGHT_FORMAT_GGUF;
	out_w->path = arena_strdup(&out_w->arena, e, what);
	if (!out_w->path) {
		st = e->status;
		goto fail;
	}
	TRY_GOTO(st, gguf_read(e, &scratch, data, size, what, &g), fail);
	TRY_GOTO(st, gguf_rwkv7_map(e, &g, out_w), fail);
	TRY_GOTO(st, gguf_meta_to_weights(e, &g, out_w), fail);
	TRY_GOTO(st, weights_index_build(e, out_w), fail);
	arena_destroy(&scratch);
	return RWKVC_STATUS_OK;
fail:
	arena_destroy(&scratch);
	arena_destroy(&out_w->arena);
	memset(out_w, 0, sizeof *out_w);
	return st;
}

enum rwkvc_status gguf_open(struct err *e, const char *path, struct weight_file *out_w)
{
	return weights_open_mapped(e, path, gguf_parse, out_w);
}
