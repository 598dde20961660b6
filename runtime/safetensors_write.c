/* safetensors_write.c - the streaming safetensors writer; see safetensors.h. */
#include "runtime/safetensors.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"

struct safetensors_writer {
	struct file_writer file;
	struct arena arena;  /* names and sizes below */
	const char **names;  /* for messages */
	size_t *nbytes;      /* what put(i) must be given */
	size_t n, next;      /* tensors in all, and the one put expects */
};

/* A JSON string literal: quotes, backslashes and control characters escaped;
 * other bytes (UTF-8) as they are. */
static void put_json_string(struct strbuf *b, const char *s)
{
	strbuf_append(b, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			strbuf_printf(b, "\\%c", c);
		else if (c < 0x20)
			strbuf_printf(b, "\\u%04x", c);
		else
			strbuf_append_n(b, s, 1);
	}
	strbuf_append(b, "\"");
}

/* Refuses what the reader would refuse, and gives the tensor's byte count. */
static enum rwkvc_status check_desc(struct err *e, const char *path, const struct weight_tensor *d,
				    size_t *out_nbytes)
{
	if (!d->name || !*d->name || strcmp(d->name, "__metadata__") == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: tensor name '%s' is not allowed",
			       path, d->name ? d->name : "(null)");
	if (!safetensors_dtype_name(d->dtype))
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "%s: tensor '%s': safetensors cannot hold dtype %s", path, d->name,
			       dtype_name(d->dtype));
	if (d->rank < 0 || d->rank > WEIGHT_MAX_RANK)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: tensor '%s': rank %d not in 0..%d",
			       path, d->name, d->rank, WEIGHT_MAX_RANK);
	uint64_t elem = dtype_bytes(d->dtype, 1), numel = 1;
	for (int i = 0; i < d->rank; i++) {
		uint64_t dim = (uint64_t)d->shape[i];
		if (d->shape[i] < 0 || (dim && numel > (uint64_t)INT64_MAX / elem / dim))
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
				       "%s: tensor '%s': shape[%d] = %" PRId64
				       " is negative or too large",
				       path, d->name, i, d->shape[i]);
		numel *= dim;
	}
	*out_nbytes = (size_t)(numel * elem);
	return RWKVC_STATUS_OK;
}

/* Refuses a name given twice (sorts a copy of the pointer list in the arena). */
static enum rwkvc_status check_unique(struct err *e, struct arena *a, const char *path,
				      const char *const *names, size_t n, const char *kind)
{
	if (n < 2)
		return RWKVC_STATUS_OK;
	const char **sorted = arena_alloc(a, e, n * sizeof *sorted);
	if (!sorted)
		return e->status;
	memcpy(sorted, names, n * sizeof *sorted);
	const char *dup = weights_names_duplicate(sorted, n);
	if (dup)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: %s '%s' given twice", path, kind,
			       dup);
	return RWKVC_STATUS_OK;
}

/* Validates the descriptions and metadata and records names and sizes in w. */
static enum rwkvc_status take_descs(struct err *e, struct safetensors_writer *w, const char *path,
				    const struct weight_tensor *descs, size_t n,
				    const char *const *meta_keys, const char *const *meta_values,
				    size_t n_meta)
{
	w->names = arena_alloc(&w->arena, e, n * sizeof *w->names);
	w->nbytes = arena_alloc(&w->arena, e, n * sizeof *w->nbytes);
	if (!w->names || !w->nbytes)
		return e->status;
	for (size_t i = 0; i < n; i++) {
		TRY(check_desc(e, path, &descs[i], &w->nbytes[i]));
		w->names[i] = arena_strdup(&w->arena, e, descs[i].name);
		if (!w->names[i])
			return e->status;
	}
	w->n = n;
	TRY(check_unique(e, &w->arena, path, w->names, n, "tensor"));
	for (size_t i = 0; i < n_meta; i++)
		if (!meta_keys[i] || !meta_values[i])
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: metadata pair %zu is NULL",
				       path, i);
	return check_unique(e, &w->arena, path, meta_keys, n_meta, "metadata key");
}

/* The header JSON, padded with spaces so the data starts at a multiple of 8. */
static enum rwkvc_status build_header(struct err *e, const struct safetensors_writer *w,
				      const struct weight_tensor *descs, const char *const *meta_keys,
				      const char *const *meta_values, size_t n_meta,
				      struct strbuf *b)
{
	strbuf_init(b, e);
	strbuf_append(b, "{");
	if (n_meta) {
		strbuf_append(b, "\"__metadata__\":{");
		for (size_t i = 0; i < n_meta; i++) {
			strbuf_append(b, i ? "," : "");
			put_json_string(b, meta_keys[i]);
			strbuf_append(b, ":");
			put_json_string(b, meta_values[i]);
		}
		strbuf_append(b, w->n ? "}," : "}");
	}
	uint64_t offset = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct weight_tensor *d = &descs[i];
		strbuf_append(b, i ? "," : "");
		put_json_string(b, w->names[i]);
		strbuf_printf(b, ":{\"dtype\":\"%s\",\"shape\":[", safetensors_dtype_name(d->dtype));
		for (int k = 0; k < d->rank; k++)
			strbuf_printf(b, "%s%" PRId64, k ? "," : "", d->shape[k]);
		strbuf_printf(b, "],\"data_offsets\":[%" PRIu64 ",%" PRIu64 "]}", offset,
			      offset + w->nbytes[i]);
		offset += w->nbytes[i];
	}
	strbuf_append(b, "}");
	strbuf_append_n(b, "        ", (8 - b->len % 8) % 8); /* once: b may have failed */
	return strbuf_status(b);
}

static enum rwkvc_status begin(struct err *e, struct safetensors_writer *w, const char *path,
			       const struct weight_tensor *descs, size_t n,
			       const char *const *meta_keys, const char *const *meta_values,
			       size_t n_meta)
{
	TRY(take_descs(e, w, path, descs, n, meta_keys, meta_values, n_meta));
	struct strbuf b;
	enum rwkvc_status s = build_header(e, w, descs, meta_keys, meta_values, n_meta, &b);
	if (s == RWKVC_STATUS_OK && b.len > SAFETENSORS_MAX_HEADER)
		s = err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			    "%s: the header would take %zu bytes, over the limit of %" PRIu64,
			    path, b.len, SAFETENSORS_MAX_HEADER);
	if (s == RWKVC_STATUS_OK)
		s = file_writer_open(e, path, &w->file);
	if (s == RWKVC_STATUS_OK) {
		uint8_t len[8];
		for (int i = 0; i < 8; i++)
			len[i] = (uint8_t)((uint64_t)b.len >> (8 * i));
		s = file_writer_write(e, &w->file, len, sizeof len);
		if (s == RWKVC_STATUS_OK)
			s = file_writer_write(e, &w->file, b.data, b.len);
	}
	strbuf_free(&b);
	return s;
}

enum rwkvc_status safetensors_writer_begin(struct err *e, const char *path,
					   const struct weight_tensor *descs, size_t n,
					   const char *const *meta_keys,
					   const char *const *meta_values, size_t n_meta,
					   struct safetensors_writer **out_w)
{
	*out_w = NULL;
	struct safetensors_writer *w = mem_calloc(e, 1, sizeof *w, "safetensors writer");
	if (!w)
		return e->status;
	arena_init(&w->arena);
	enum rwkvc_status s = begin(e, w, path, descs, n, meta_keys, meta_values, n_meta);
	if (s != RWKVC_STATUS_OK) {
		safetensors_writer_abort(w);
		return s;
	}
	*out_w = w;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status safetensors_writer_put(struct err *e, struct safetensors_writer *w, size_t i,
					 const void *data, size_t nbytes)
{
	if (i != w->next || i >= w->n)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "%s: tensor %zu put out of order; tensor %zu ('%s') comes next",
			       w->file.path, i, w->next, w->next < w->n ? w->names[w->next] : "none");
	if (nbytes != w->nbytes[i])
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "%s: tensor '%s': %zu bytes given, its shape needs %zu", w->file.path,
			       w->names[i], nbytes, w->nbytes[i]);
	TRY(file_writer_write(e, &w->file, data, nbytes));
	w->next++;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status safetensors_writer_commit(struct err *e, struct safetensors_writer *w)
{
	enum rwkvc_status s;
	if (w->next != w->n)
		s = err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			    "%s: commit after %zu of %zu tensors; '%s' and after are missing",
			    w->file.path, w->next, w->n, w->names[w->next]);
	else
		s = file_writer_commit(e, &w->file);
	safetensors_writer_abort(w); /* after a commit this only frees */
	return s;
}

void safetensors_writer_abort(struct safetensors_writer *w)
{
	if (!w)
		return;
	file_writer_abort(&w->file);
	arena_destroy(&w->arena);
	mem_free(w);
}
