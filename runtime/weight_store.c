/* weight_store.c - see weight_store.h. */
#include "weight_store.h"

#include "base/half.h"
#include "base/mem.h"
#include "quant.h"

enum rwkvc_status weight_store_file_dtypes(struct err *e, const struct graph *g, const struct weight_file *w,
					   enum dtype **out)
{
	enum dtype *d = mem_alloc(e, ((size_t)g->n_tensors + 1) * sizeof *d, "weight types");
	if (!(*out = d))
		return e->status;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct weight_tensor *wt = g->tensors[t].kind == TENSOR_WEIGHT ? weights_find(w, g->tensors[t].name) : NULL;
		d[t] = wt ? wt->dtype : DTYPE_COUNT;
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status weight_store_values(struct err *e, const struct weight_tensor *t, enum dtype stored, float *out)
{
	TRY(weights_to_f32(e, t, out));
	int64_t n = weight_numel(t);
	if (stored == t->dtype || stored == DTYPE_F32)
		return RWKVC_STATUS_OK;
	if (stored == DTYPE_F16) {
		for (int64_t i = 0; i < n; i++)
			out[i] = half_to_float(float_to_half(out[i]));
		return RWKVC_STATUS_OK;
	}
	size_t bytes = dtype_bytes(stored, (uint64_t)n);
	if ((stored != DTYPE_Q8_0 && stored != DTYPE_Q4_K && stored != DTYPE_Q6_K) || !bytes)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "weight '%s' (%lld values) cannot be stored as %s", t->name,
			       (long long)n, dtype_name(stored));
	void *q = mem_alloc(e, bytes, "quantised weight");
	if (!q)
		return e->status;
	enum rwkvc_status st = quant_quantize(e, stored, out, q, n);
	if (st == RWKVC_STATUS_OK)
		quant_dequantize(stored, q, out, n);
	else
		err_context(e, "weight '%s'", t->name);
	mem_free(q);
	return st;
}
