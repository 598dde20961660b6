/* safetensors.c - the strict safetensors reader; see safetensors.h. */
#include "runtime/safetensors.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"

/* the dtypes rwkvc reads, in safetensors spelling */
static const struct {
	const char *name;
	enum dtype dtype;
} st_dtypes[] = {
	{ "F32", DTYPE_F32 },
	{ "F16", DTYPE_F16 },
	{ "BF16", DTYPE_BF16 },
	{ "I32", DTYPE_I32 },
};

/* valid safetensors dtypes rwkvc does not read: UNSUPPORTED rather than BAD_FORMAT */
static const char *const st_other_dtypes[] = {
	"BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "U32", "I64", "U64", "F64",
};

const char *safetensors_dtype_name(enum dtype t)
{
	for (size_t i = 0; i < sizeof st_dtypes / sizeof st_dtypes[0]; i++)
		if (st_dtypes[i].dtype == t)
			return st_dtypes[i].name;
	return NULL;
}

static const char *json_type_name(enum json_type t)
{
	static const char *const names[] = {
		[JSON_NULL] = "null",     [JSON_BOOL] = "a boolean", [JSON_NUMBER] = "a number",
		[JSON_STRING] = "a string", [JSON_ARRAY] = "an array", [JSON_OBJECT] = "an object",
	};
	return names[t];
}

struct st_parser {
	struct err *e;
	struct weight_file *w;
	const char *what;
	const uint8_t *data; /* first byte after the header */
	uint64_t data_size;
};

static uint64_t read_le64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* "[1, 1, 128]" into buf, for messages */
static const char *shape_text(char *buf, size_t cap, const struct weight_tensor *t)
{
	size_t n = (size_t)snprintf(buf, cap, "[");
	for (int i = 0; i < t->rank && n < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%" PRId64, i ? ", " : "", t->shape[i]);
	if (n < cap)
		snprintf(buf + n, cap - n, "]");
	return buf;
}

/* Refuses keys with an embedded NUL (C strings would silently cut them) and
 * sets *out_dup to a key that occurs twice in `obj`, or NULL. json_parse keeps
 * repeated keys, so this is where they are caught. */
static enum rwkvc_status find_dup_key(struct st_parser *p, const struct json_value *obj,
				      const char **out_dup)
{
	*out_dup = NULL;
	for (size_t i = 0; i < obj->count; i++)
		if (obj->key_lens[i] != strlen(obj->keys[i]))
			return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: header key '%s...' contains a NUL byte", p->what,
				       obj->keys[i]);
	if (obj->count < 2)
		return RWKVC_STATUS_OK;
	const char **names = arena_alloc(&p->w->arena, p->e, obj->count * sizeof *names);
	if (!names)
		return p->e->status;
	memcpy(names, obj->keys, obj->count * sizeof *names);
	*out_dup = weights_names_duplicate(names, obj->count);
	return RWKVC_STATUS_OK;
}

/* The member `key` of a tensor entry, which must exist and have type `type`. */
static enum rwkvc_status member(struct st_parser *p, const char *name,
				const struct json_value *entry, const char *key, enum json_type type,
				const struct json_value **out)
{
	*out = json_get(entry, key);
	if (!*out)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT, "%s: tensor '%s': no \"%s\"", p->what,
			       name, key);
	if ((*out)->type != type)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': \"%s\" is %s, expected %s", p->what, name, key,
			       json_type_name((*out)->type), json_type_name(type));
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_dtype(struct st_parser *p, const char *name,
				    const struct json_value *v, enum dtype *out)
{
	for (size_t i = 0; i < sizeof st_dtypes / sizeof st_dtypes[0]; i++) {
		if (v->string_len == strlen(st_dtypes[i].name) &&
		    strcmp(v->string, st_dtypes[i].name) == 0) {
			*out = st_dtypes[i].dtype;
			return RWKVC_STATUS_OK;
		}
	}
	for (size_t i = 0; i < sizeof st_other_dtypes / sizeof st_other_dtypes[0]; i++)
		if (strcmp(v->string, st_other_dtypes[i]) == 0)
			return err_set(p->e, RWKVC_STATUS_UNSUPPORTED,
				       "%s: tensor '%s': dtype %s is not supported (F32, F16, BF16 "
				       "and I32 are)",
				       p->what, name, st_other_dtypes[i]);
	return err_set(p->e, RWKVC_STATUS_BAD_FORMAT, "%s: tensor '%s': unknown dtype '%.40s'",
		       p->what, name, v->string);
}

/* Fills rank, shape and nbytes, refusing what cannot be a tensor of this dtype. */
static enum rwkvc_status parse_shape(struct st_parser *p, const struct json_value *v,
				    struct weight_tensor *t)
{
	if (v->count > WEIGHT_MAX_RANK)
		return err_set(p->e, RWKVC_STATUS_UNSUPPORTED,
			       "%s: tensor '%s': rank %zu exceeds the maximum of %d", p->what,
			       t->name, v->count, WEIGHT_MAX_RANK);
	t->rank = (int)v->count;
	uint64_t elem = dtype_bytes(t->dtype, 1);
	uint64_t numel = 1;
	int overflow = 0;
	for (size_t i = 0; i < v->count; i++) {
		const struct json_value *d = v->items[i];
		if (d->type != JSON_NUMBER || !d->is_integer || d->integer < 0)
			return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s': shape[%zu] is not a non-negative integer",
				       p->what, t->name, i);
		t->shape[i] = d->integer;
		uint64_t dim = (uint64_t)d->integer;
		/* the byte count must fit int64 (hence size_t); checked as we go */
		if (dim && numel > (uint64_t)INT64_MAX / elem / dim)
			overflow = 1;
		numel *= dim;
	}
	char buf[128];
	if (overflow)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': shape %s of %s overflows 64-bit byte counts",
			       p->what, t->name, shape_text(buf, sizeof buf, t),
			       safetensors_dtype_name(t->dtype));
	t->nbytes = (size_t)(numel * elem);
	return RWKVC_STATUS_OK;
}

static int is_offset(const struct json_value *v)
{
	return v->type == JSON_NUMBER && v->is_integer && v->integer >= 0;
}

/* Checks data_offsets against the tensor's size and the data section; points
 * t->data into the file. */
static enum rwkvc_status parse_offsets(struct st_parser *p, const struct json_value *v,
				      struct weight_tensor *t)
{
	if (v->count != 2 || !is_offset(v->items[0]) || !is_offset(v->items[1]))
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': data_offsets is not [begin, end] of two "
			       "non-negative integers",
			       p->what, t->name);
	int64_t begin = v->items[0]->integer, end = v->items[1]->integer;
	if (begin > end)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': data_offsets [%" PRId64 ", %" PRId64
			       "] end before they begin",
			       p->what, t->name, begin, end);
	if ((uint64_t)end > p->data_size)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': data_offsets [%" PRId64 ", %" PRId64
			       "] exceed the %" PRIu64 " bytes of data",
			       p->what, t->name, begin, end, p->data_size);
	if ((uint64_t)(end - begin) != t->nbytes) {
		char buf[128];
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': header lies about sizes: shape %s of %s needs %zu "
			       "bytes, data_offsets [%" PRId64 ", %" PRId64 "] hold %" PRId64,
			       p->what, t->name, shape_text(buf, sizeof buf, t),
			       safetensors_dtype_name(t->dtype), t->nbytes, begin, end, end - begin);
	}
	t->data = p->data + begin;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_tensor(struct st_parser *p, const char *name,
				     const struct json_value *entry, struct weight_tensor *t)
{
	t->name = name;
	if (entry->type != JSON_OBJECT)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': entry is %s, expected an object", p->what, name,
			       json_type_name(entry->type));
	const char *dup;
	TRY(find_dup_key(p, entry, &dup));
	if (dup)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: tensor '%s': the key \"%s\" appears twice", p->what, name, dup);
	const struct json_value *dtype, *shape, *offsets;
	TRY(member(p, name, entry, "dtype", JSON_STRING, &dtype));
	TRY(member(p, name, entry, "shape", JSON_ARRAY, &shape));
	TRY(member(p, name, entry, "data_offsets", JSON_ARRAY, &offsets));
	TRY(parse_dtype(p, name, dtype, &t->dtype));
	TRY(parse_shape(p, shape, t));
	return parse_offsets(p, offsets, t);
}

static enum rwkvc_status parse_metadata(struct st_parser *p, const struct json_value *m)
{
	struct weight_file *w = p->w;
	if (m->type != JSON_OBJECT)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: __metadata__ is %s, expected an object of strings", p->what,
			       json_type_name(m->type));
	const char *dup;
	TRY(find_dup_key(p, m, &dup));
	if (dup)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: __metadata__ has the key '%s' twice", p->what, dup);
	w->meta_keys = arena_alloc(&w->arena, p->e, m->count * sizeof *w->meta_keys);
	w->meta_values = arena_alloc(&w->arena, p->e, m->count * sizeof *w->meta_values);
	if (!w->meta_keys || !w->meta_values)
		return p->e->status;
	for (size_t i = 0; i < m->count; i++) {
		const struct json_value *v = m->items[i];
		if (v->type != JSON_STRING)
			return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: __metadata__ '%s' is %s, expected a string", p->what,
				       m->keys[i], json_type_name(v->type));
		if (v->string_len != strlen(v->string))
			return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: __metadata__ '%s' contains a NUL byte", p->what,
				       m->keys[i]);
		w->meta_keys[i] = m->keys[i];
		w->meta_values[i] = v->string;
	}
	w->n_meta = m->count;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_entries(struct st_parser *p, const struct json_value *root)
{
	struct weight_file *w = p->w;
	const char *dup;
	TRY(find_dup_key(p, root, &dup));
	if (dup)
		return err_set(p->e, RWKVC_STATUS_BAD_FORMAT, "%s: the header names '%s' twice",
			       p->what, dup);
	const struct json_value *meta = json_get(root, "__metadata__");
	size_t n = root->count - (meta != NULL);
	w->tensors = arena_alloc(&w->arena, p->e, n * sizeof *w->tensors);
	if (!w->tensors)
		return p->e->status;
	if (meta)
		TRY(parse_metadata(p, meta));
	for (size_t i = 0; i < root->count; i++) {
		if (root->items[i] == meta)
			continue;
		TRY(parse_tensor(p, root->keys[i], root->items[i], &w->tensors[w->n_tensors]));
		w->n_tensors++;
	}
	return RWKVC_STATUS_OK;
}

static int by_data(const void *a, const void *b)
{
	const struct weight_tensor *x = *(const struct weight_tensor *const *)a;
	const struct weight_tensor *y = *(const struct weight_tensor *const *)b;
	const uint8_t *px = x->data, *py = y->data;
	if (px != py)
		return px < py ? -1 : 1;
	return (x->nbytes > y->nbytes) - (x->nbytes < y->nbytes);
}

/* Two tensors sharing bytes would let a write through one change the other
 * (and is never produced by a correct writer). Empty tensors own no bytes. */
static enum rwkvc_status check_overlaps(struct st_parser *p)
{
	struct weight_file *w = p->w;
	if (w->n_tensors < 2)
		return RWKVC_STATUS_OK;
	const struct weight_tensor **order =
		arena_alloc(&w->arena, p->e, w->n_tensors * sizeof *order);
	if (!order)
		return p->e->status;
	for (size_t i = 0; i < w->n_tensors; i++)
		order[i] = &w->tensors[i];
	qsort(order, w->n_tensors, sizeof *order, by_data);
	const struct weight_tensor *last = NULL; /* the one reaching furthest so far */
	for (size_t i = 0; i < w->n_tensors; i++) {
		const struct weight_tensor *t = order[i];
		const uint8_t *begin = t->data;
		if (!t->nbytes)
			continue;
		if (last && begin < (const uint8_t *)last->data + last->nbytes) {
			size_t lb = (size_t)((const uint8_t *)last->data - p->data);
			size_t tb = (size_t)(begin - p->data);
			return err_set(p->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensors '%s' [%zu, %zu] and '%s' [%zu, %zu] overlap",
				       p->what, last->name, lb, lb + last->nbytes, t->name, tb,
				       tb + t->nbytes);
		}
		if (!last || begin + t->nbytes > (const uint8_t *)last->data + last->nbytes)
			last = t;
	}
	return RWKVC_STATUS_OK;
}

/* See weights.h: data must be aligned to its element size; copy where not. */
static enum rwkvc_status align_tensors(struct st_parser *p)
{
	struct weight_file *w = p->w;
	for (size_t i = 0; i < w->n_tensors; i++) {
		struct weight_tensor *t = &w->tensors[i];
		if ((uintptr_t)t->data % dtype_bytes(t->dtype, 1) == 0)
			continue;
		void *copy = arena_alloc(&w->arena, p->e, t->nbytes);
		if (!copy)
			return err_context(p->e, "%s: tensor '%s' (misaligned, copied)", p->what,
					   t->name);
		memcpy(copy, t->data, t->nbytes);
		t->data = copy;
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_file(struct err *e, const uint8_t *data, size_t size,
				   const char *what, struct weight_file *w)
{
	w->path = arena_strdup(&w->arena, e, what);
	if (!w->path)
		return e->status;
	if (size < 8)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: %zu bytes is too short for a safetensors file (the header length "
			       "alone takes 8)",
			       what, size);
	uint64_t n = read_le64(data);
	if (n > SAFETENSORS_MAX_HEADER)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: header length %" PRIu64 " exceeds the limit of %" PRIu64
			       " bytes (100 MiB); not a safetensors file?",
			       what, n, SAFETENSORS_MAX_HEADER);
	if (n > size - 8)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: header length %" PRIu64 " exceeds the %zu bytes after the "
			       "length field (truncated file?)",
			       what, n, size - 8);
	struct json_value *root;
	TRY(json_parse(e, &w->arena, (const char *)data + 8, (size_t)n, what, &root));
	if (root->type != JSON_OBJECT)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: header is %s, not a JSON object",
			       what, json_type_name(root->type));
	struct st_parser p = { e, w, what, data + 8 + n, size - 8 - n };
	TRY(parse_entries(&p, root));
	TRY(check_overlaps(&p));
	TRY(align_tensors(&p));
	return weights_index_build(e, w);
}

enum rwkvc_status safetensors_parse(struct err *e, const uint8_t *data, size_t size,
				    const char *what, struct weight_file *out_w)
{
	memset(out_w, 0, sizeof *out_w);
	arena_init(&out_w->arena);
	out_w->format = WEIGHT_FORMAT_SAFETENSORS;
	enum rwkvc_status s = parse_file(e, data, size, what, out_w);
	if (s != RWKVC_STATUS_OK)
		weights_close(out_w);
	return s;
}

enum rwkvc_status safetensors_open(struct err *e, const char *path, struct weight_file *out_w)
{
	return weights_open_mapped(e, path, safetensors_parse, out_w);
}
