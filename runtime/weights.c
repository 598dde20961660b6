/* weights.c - format-independent weight-file access; see weights.h. */
#include "runtime/weights.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/half.h"
#include "runtime/gguf.h"
#include "runtime/quant.h"
#include "runtime/safetensors.h"

enum rwkvc_status weights_open(struct err *e, const char *path, struct weight_file *out_w)
{
	memset(out_w, 0, sizeof *out_w);
	/* the mapping is lazy, so looking at the first bytes costs one page */
	struct file_map m;
	TRY(file_map_open(e, path, &m));
	int gguf = m.size >= 4 && memcmp(m.data, "GGUF", 4) == 0;
	int zip = m.size >= 4 && memcmp(m.data, "PK\3\4", 4) == 0;
	file_map_close(&m);
	if (gguf)
		return gguf_open(e, path, out_w);
	if (zip)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "%s: a zip archive (PyTorch .pth?); convert it to safetensors first",
			       path);
	return safetensors_open(e, path, out_w);
}

enum rwkvc_status weights_open_mapped(struct err *e, const char *path, weights_parse_fn parse,
				      struct weight_file *out_w)
{
	struct file_map map;
	memset(out_w, 0, sizeof *out_w);
	TRY(file_map_open(e, path, &map));
	enum rwkvc_status st = parse(e, map.data, map.size, path, out_w);
	if (st != RWKVC_STATUS_OK) {
		file_map_close(&map);
		return st;
	}
	out_w->map = map;
	return RWKVC_STATUS_OK;
}

void weights_close(struct weight_file *w)
{
	file_map_close(&w->map);
	arena_destroy(&w->arena);
	memset(w, 0, sizeof *w);
}

static int by_name(const void *a, const void *b)
{
	const struct weight_tensor *x = *(const struct weight_tensor *const *)a;
	const struct weight_tensor *y = *(const struct weight_tensor *const *)b;
	return strcmp(x->name, y->name);
}

static int name_vs_tensor(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct weight_tensor *const *)elem)->name);
}

enum rwkvc_status weights_index_build(struct err *e, struct weight_file *w)
{
	w->by_name = NULL;
	if (!w->n_tensors)
		return RWKVC_STATUS_OK;
	const struct weight_tensor **idx = arena_alloc(&w->arena, e, w->n_tensors * sizeof *idx);
	if (!idx)
		return e->status;
	for (size_t i = 0; i < w->n_tensors; i++)
		idx[i] = &w->tensors[i];
	qsort(idx, w->n_tensors, sizeof *idx, by_name);
	for (size_t i = 1; i < w->n_tensors; i++)
		if (strcmp(idx[i - 1]->name, idx[i]->name) == 0)
			return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: tensor '%s' appears twice",
				       w->path, idx[i]->name);
	w->by_name = idx;
	return RWKVC_STATUS_OK;
}

const struct weight_tensor *weights_find(const struct weight_file *w, const char *name)
{
	if (!w->n_tensors)
		return NULL;
	assert(w->by_name && "reader forgot weights_index_build");
	const struct weight_tensor *const *hit =
		bsearch(name, w->by_name, w->n_tensors, sizeof *w->by_name, name_vs_tensor);
	return hit ? *hit : NULL;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *weights_names_duplicate(const char **names, size_t n)
{
	if (n < 2)
		return NULL;
	qsort(names, n, sizeof *names, by_string);
	for (size_t i = 1; i < n; i++)
		if (strcmp(names[i - 1], names[i]) == 0)
			return names[i];
	return NULL;
}

const char *weights_meta(const struct weight_file *w, const char *key)
{
	for (size_t i = 0; i < w->n_meta; i++)
		if (strcmp(w->meta_keys[i], key) == 0)
			return w->meta_values[i];
	return NULL;
}

int64_t weight_numel(const struct weight_tensor *t)
{
	int64_t n = 1;
	for (int i = 0; i < t->rank; i++)
		n *= t->shape[i];
	return n;
}

enum rwkvc_status weights_to_f32(struct err *e, const struct weight_tensor *t, float *out)
{
	size_t n = (size_t)weight_numel(t);
	const uint16_t *h = t->data; /* aligned: see weights.h */
	switch (t->dtype) {
	case DTYPE_F32:
		memcpy(out, t->data, n * sizeof *out);
		return RWKVC_STATUS_OK;
	case DTYPE_F16:
		for (size_t i = 0; i < n; i++)
			out[i] = half_to_float(h[i]);
		return RWKVC_STATUS_OK;
	case DTYPE_BF16:
		for (size_t i = 0; i < n; i++)
			out[i] = bf16_to_float(h[i]);
		return RWKVC_STATUS_OK;
	case DTYPE_Q8_0:
	case DTYPE_Q4_K:
	case DTYPE_Q6_K:
		quant_dequantize(t->dtype, t->data, out, (int64_t)n);
		return RWKVC_STATUS_OK;
	default:
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "tensor '%s' holds %s, not floating-point numbers", t->name,
			       dtype_name(t->dtype));
	}
}
