/*
 * vk_weights.c - the weights on the device.
 *
 * Every weight the plan uses is converted once to its storage type (matmul
 * weights transposed to [M, K] so one matvec kernel serves both layouts;
 * matrices quantised to Q8_0 / Q4_K where the plan says so) and uploaded
 * through the staging ring; a weight the file already holds in its storage
 * type (a GGUF's Q4_K blocks, say) is uploaded as it is. Weights are packed into pages: one
 * buffer may not exceed maxMemoryAllocationSize (2 GiB on lavapipe, 4 GiB on
 * NVIDIA), so a big model spans several buffers, each weight inside one.
 */
#include <stdio.h>
#include <string.h>

#include "base/progress.h"
#include "base/half.h"
#include "quant.h"
#include "vk_model_internal.h"

enum { PAGE_CAP_BYTES = 1u << 30 }; /* 1 GiB: below every driver's allocation limit we know of */

/* Rows and row length of a weight as stored. */
static void stored_shape(const struct plan *p, int32_t t, int64_t *rows, int64_t *cols)
{
	const struct tensor *tn = &p->g->tensors[t];
	int64_t numel = shape_numel(p->g, &tn->shape, 1);
	int64_t last = dim_value(p->g, tn->shape.d[tn->shape.rank - 1], 1);
	if (p->place[t].transposed) { /* [K, M] stored as [M, K] */
		*rows = last;
		*cols = numel / last;
	} else {
		*cols = last;
		*rows = numel / last;
	}
}

static enum rwkvc_status place_pages(struct err *e, struct vk_model *m, VkDeviceSize page_cap)
{
	const struct plan *p = &m->plan;
	const struct graph *g = p->g;
	VkDeviceSize align = m->dev->align, used = 0;
	VkDeviceSize *sizes = mem_calloc(e, (size_t)g->n_tensors + 1, sizeof *sizes, "weight pages");
	if (!sizes)
		return e->status;
	int n_pages = 0;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		struct vk_weight_loc *loc = &m->wloc[t];
		loc->page = -1;
		if (p->place[t].kind != PLACE_WEIGHT)
			continue;
		int64_t rows, cols;
		stored_shape(p, t, &rows, &cols);
		loc->rows = rows;
		loc->row_bytes = dtype_bytes(p->place[t].dtype, (uint64_t)cols);
		loc->bytes = loc->row_bytes * (VkDeviceSize)rows;
		if (loc->bytes > page_cap) {
			mem_free(sizes);
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "weight '%s' (%llu bytes) is larger than one buffer may be "
				       "on %s (%llu bytes)", g->tensors[t].name, (unsigned long long)loc->bytes,
				       m->dev->caps.props.deviceName, (unsigned long long)page_cap);
		}
		if (n_pages == 0 || used + loc->bytes > page_cap) {
			n_pages++;
			used = 0;
		}
		loc->page = n_pages - 1;
		loc->offset = used;
		used = (used + loc->bytes + align - 1) / align * align;
		sizes[n_pages - 1] = used;
	}
	m->pages = mem_calloc(e, (size_t)(n_pages ? n_pages : 1), sizeof *m->pages, "weight pages");
	if (!m->pages) {
		mem_free(sizes);
		return e->status;
	}
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int i = 0; i < n_pages && !st; i++) {
		char name[48];
		snprintf(name, sizeof name, "weights %d", i);
		st = vk_buffer_create(e, m->dev, sizes[i], VK_MEMORY_DEVICE, name, &m->pages[i]);
		if (!st)
			m->n_pages = i + 1;
	}
	mem_free(sizes);
	return st;
}

static bool quantised(enum dtype d) { return d == DTYPE_Q8_0 || d == DTYPE_Q4_K || d == DTYPE_Q6_K; }

/* Whether the file's bytes of weight t are already its storage bytes (same
 * type, not transposed): then they are uploaded as they are, so quantised
 * blocks from a GGUF are never decoded and encoded again. */
static bool as_is(const struct vk_model *m, int32_t t, const struct weight_tensor *wt)
{
	const struct plan_place *pl = &m->plan.place[t];
	return wt->dtype == pl->dtype && !pl->transposed && wt->nbytes == m->wloc[t].bytes;
}

/* Converts weight t into its storage layout and type in `dst`. `tmp` holds numel floats. */
static enum rwkvc_status convert(struct err *e, const struct vk_model *m, int32_t t, const struct weight_tensor *wt,
				 float *tmp, void *dst)
{
	const struct plan *p = &m->plan;
	int64_t rows, cols;
	stored_shape(p, t, &rows, &cols);
	TRY(weights_to_f32(e, wt, tmp));
	bool tr = p->place[t].transposed;
	enum dtype dt = p->place[t].dtype;
	if (quantised(dt)) {
		/* rows of whole blocks: memplan and the kernels checked */
		if (tr)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "a transposed weight cannot be stored as %s",
				       dtype_name(dt));
		return quant_quantize(e, dt, tmp, dst, rows * cols);
	}
	for (int64_t r = 0; r < rows; r++) {
		for (int64_t c = 0; c < cols; c++) {
			/* stored[r, c]; the file holds [cols, rows] when transposed */
			float v = tr ? tmp[c * rows + r] : tmp[r * cols + c];
			size_t i = (size_t)(r * cols + c);
			if (dt == DTYPE_F16)
				((uint16_t *)dst)[i] = float_to_half(v);
			else
				((float *)dst)[i] = v;
		}
	}
	return RWKVC_STATUS_OK;
}

/* Uploads weight t from the file, converting it first unless it is stored as the file holds it. */
static enum rwkvc_status upload_one(struct err *e, struct vk_model *m, int32_t t, const struct weight_tensor *wt,
				    float *tmp, void *conv)
{
	const struct vk_weight_loc *loc = &m->wloc[t];
	struct vk_range dst = vk_model_weight_range(m, t, 0, loc->rows);
	if (as_is(m, t, wt))
		return vk_upload(e, m->dev, dst, wt->data, loc->bytes);
	TRY(convert(e, m, t, wt, tmp, conv));
	return vk_upload(e, m->dev, dst, conv, loc->bytes);
}

enum rwkvc_status vk_model_upload_weights(struct err *e, struct vk_model *m, const struct weight_file *w, int progress)
{
	const struct plan *p = &m->plan;
	const struct graph *g = p->g;
	m->wloc = mem_calloc(e, (size_t)g->n_tensors, sizeof *m->wloc, "weight locations");
	if (!m->wloc)
		return e->status;
	VkDeviceSize cap = PAGE_CAP_BYTES;
	if (m->dev->caps.max_memory_allocation && m->dev->caps.max_memory_allocation < cap)
		cap = m->dev->caps.max_memory_allocation;
	if (m->dev->caps.max_buffer_size && m->dev->caps.max_buffer_size < cap)
		cap = m->dev->caps.max_buffer_size;
	TRY(place_pages(e, m, cap));
	size_t biggest = 0;
	uint64_t total = 0, done = 0;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		if (m->wloc[t].page < 0)
			continue;
		size_t n = (size_t)shape_numel(g, &g->tensors[t].shape, 1);
		biggest = n > biggest ? n : biggest;
		total += m->wloc[t].bytes;
	}
	float *tmp = mem_alloc(e, biggest * sizeof(float) + 1, "weight conversion");
	void *conv = mem_alloc(e, biggest * sizeof(float) + 1, "weight conversion");
	enum rwkvc_status st = tmp && conv ? RWKVC_STATUS_OK : e->status;
	const char *what = "uploading weights";
	for (int32_t t = 0; t < g->n_tensors; t++)
		if (m->wloc[t].page >= 0 && quantised(p->place[t].dtype)) {
			const struct weight_tensor *wt = weights_find(w, g->tensors[t].name);
			if (wt && !as_is(m, t, wt))
				what = "quantising and uploading weights";
		}
	struct progress bar = progress_start(progress, what);
	for (int32_t t = 0; t < g->n_tensors && !st; t++) {
		const struct vk_weight_loc *loc = &m->wloc[t];
		if (loc->page < 0)
			continue;
		const struct weight_tensor *wt = weights_find(w, g->tensors[t].name);
		if (!wt) {
			st = err_set(e, RWKVC_STATUS_BAD_SHAPE, "missing weight '%s'", g->tensors[t].name);
			break;
		}
		st = upload_one(e, m, t, wt, tmp, conv);
		if (st)
			err_context(e, "while uploading '%s'", g->tensors[t].name);
		done += loc->bytes;
		progress_show(&bar, done, total);
	}
	mem_free(tmp);
	mem_free(conv);
	return st;
}

struct vk_range vk_model_weight_range(const struct vk_model *m, int32_t t, int64_t row0, int64_t rows)
{
	const struct vk_weight_loc *loc = &m->wloc[t];
	return vk_subrange(vk_range_of(&m->pages[loc->page]), loc->offset + (VkDeviceSize)row0 * loc->row_bytes,
			   (VkDeviceSize)rows * loc->row_bytes);
}

void vk_model_free_weights(struct vk_model *m)
{
	for (int i = 0; i < m->n_pages; i++)
		vk_buffer_destroy(m->dev, &m->pages[i]);
	mem_free(m->pages);
	mem_free(m->wloc);
	m->pages = NULL;
	m->wloc = NULL;
	m->n_pages = 0;
}
