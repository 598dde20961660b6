/*
 * bind.c - giving the symbols of a graph_src their values: from a preset,
 * from explicit values, or by matching the declared weight shapes against the
 * shapes in a weights file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src.h"

enum rwkvc_status src_instantiate(struct err *e, const struct graph_src *src, const struct src_name *name,
				  int layer, char *buf, size_t n)
{
	char where[256];
	const char *t = name->text;
	size_t used = 0;
	if (t[0] == '.') {
		if (layer < 0)
			return err_set(e, RWKVC_STATUS_BAD_GRAPH,
				       "%s: '%s' starts with '.', which stands for the layer prefix, outside the layers",
				       srcpos_str(name->pos, where, sizeof where), t);
		struct src_name prefix = { src->layer_prefix, name->pos };
		TRY(src_instantiate(e, src, &prefix, layer, buf, n));
		used = strlen(buf);
		t++;
	}
	for (; *t; t++) {
		if (strncmp(t, "{i}", 3) == 0) {
			if (layer < 0)
				return err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: '%s' uses {i} outside the layers",
					       srcpos_str(name->pos, where, sizeof where), name->text);
			used += (size_t)snprintf(buf + used, used < n ? n - used : 0, "%d", layer);
			t += 2;
		} else if (used + 1 < n) {
			buf[used++] = *t;
		} else {
			used++;
		}
		if (used >= n)
			return err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: name '%s' is too long",
				       srcpos_str(name->pos, where, sizeof where), name->text);
	}
	buf[used] = '\0';
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status bind_one(struct err *e, struct graph_src *src, int32_t sym, int64_t value,
				  const char *by)
{
	struct symbol *s = &src->syms[sym];
	if (sym == src->sym_T)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "T (tokens per call) is bound at run time, not by %s", by);
	if (value <= 0)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s gives %s = %lld; sizes must be positive", by, s->name,
			       (long long)value);
	if (s->bound && s->value != value)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s gives %s = %lld, but %s gave %s = %lld", by, s->name,
			       (long long)value, s->bound_by, s->name, (long long)s->value);
	s->bound = true;
	s->value = value;
	s->bound_by = arena_strdup(&src->arena, e, by);
	return s->bound_by ? RWKVC_STATUS_OK : e->status;
}

static enum rwkvc_status check_all_bound(struct err *e, struct graph_src *src, const char *from)
{
	for (int32_t i = 0; i < src->n_syms; i++)
		if (i != src->sym_T && !src->syms[i].bound)
			return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s does not give a value for symbol '%s' (%s)", from,
				       src->syms[i].name, src->syms[i].doc);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status graph_src_bind_preset(struct err *e, struct graph_src *src, const char *name)
{
	for (int i = 0; i < src->n_presets; i++) {
		const struct preset *p = &src->presets[i];
		if (strcmp(p->name, name) != 0)
			continue;
		char by[128];
		snprintf(by, sizeof by, "preset '%s'", name);
		for (int k = 0; k < p->n; k++)
			TRY(bind_one(e, src, p->sym[k], p->value[k], by));
		return check_all_bound(e, src, by);
	}
	char list[512] = "";
	for (int i = 0; i < src->n_presets; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", src->presets[i].name);
	return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "unknown preset '%s' (%s has: %s)", name, src->file,
		       src->n_presets ? list : "none");
}

enum rwkvc_status graph_src_bind_values(struct err *e, struct graph_src *src, const char *const *names,
					const int64_t *values, int n)
{
	for (int k = 0; k < n; k++) {
		int32_t sym = -1;
		for (int32_t i = 0; i < src->n_syms; i++)
			if (strcmp(src->syms[i].name, names[k]) == 0)
				sym = i;
		if (sym < 0)
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s has no symbol '%s'", src->file, names[k]);
		TRY(bind_one(e, src, sym, values[k], "the given sizes"));
	}
	/* like a weights file, the values may leave symbols no used tensor needs
	 * (a plan of a one-layer model has no value-residual rank): graph_build
	 * names any that a used tensor lacks */
	return RWKVC_STATUS_OK;
}

/* ---- from a weights file ---- */

struct name_index {
	const struct bind_tensor *tensors;
	size_t n;
	size_t *order; /* indices sorted by name */
};

static const struct bind_tensor *sort_base;
static int by_name(const void *a, const void *b)
{
	return strcmp(sort_base[*(const size_t *)a].name, sort_base[*(const size_t *)b].name);
}

static const struct bind_tensor *lookup(const struct name_index *ix, const char *name)
{
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ix->tensors[ix->order[mid]].name, name);
		if (c == 0)
			return &ix->tensors[ix->order[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Leading dims of size 1 carry no information ([1, 1, C] is a vector). */
static int squeezed_rank_decl(const struct shape *s)
{
	int lead = 0;
	while (lead < s->rank - 1 && s->d[lead].sym < 0 && s->d[lead].n == 1)
		lead++;
	return lead;
}

static int squeezed_lead_file(const struct bind_tensor *t)
{
	int lead = 0;
	while (lead < t->rank - 1 && t->shape[lead] == 1)
		lead++;
	return lead;
}

static void file_shape_str(const struct bind_tensor *t, char *buf, size_t n)
{
	size_t used = (size_t)snprintf(buf, n, "[");
	for (int i = 0; i < t->rank && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%lld", i ? ", " : "", (long long)t->shape[i]);
	if (used < n)
		snprintf(buf + used, n - used, "]");
}

static void decl_shape_str(const struct graph_src *src, const struct shape *s, char *buf, size_t n)
{
	size_t used = (size_t)snprintf(buf, n, "[");
	for (int i = 0; i < s->rank && used < n; i++) {
		const char *sep = i ? ", " : "";
		if (s->d[i].sym >= 0)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", sep, src->syms[s->d[i].sym].name);
		else
			used += (size_t)snprintf(buf + used, n - used, "%s%lld", sep, (long long)s->d[i].n);
	}
	if (used < n)
		snprintf(buf + used, n - used, "]");
}

static enum rwkvc_status unify(struct err *e, struct graph_src *src, const struct src_decl *d,
			       const struct bind_tensor *t, const char *what)
{
	int dl = squeezed_rank_decl(&d->shape), fl = squeezed_lead_file(t);
	int rank = d->shape.rank - dl;
	int ok = rank == t->rank - fl;
	for (int i = 0; ok && i < rank; i++) {
		struct dim dd = d->shape.d[dl + i];
		int64_t fv = t->shape[fl + i];
		if (dd.sym < 0) {
			ok = dd.n == fv;
		} else if (src->syms[dd.sym].bound) {
			ok = src->syms[dd.sym].value == fv;
		} else {
			char by[300];
			snprintf(by, sizeof by, "'%s' in %s", t->name, what);
			TRY(bind_one(e, src, dd.sym, fv, by));
		}
	}
	if (ok)
		return RWKVC_STATUS_OK;
	char fs[128], ds[128], where[256], vals[512] = "";
	file_shape_str(t, fs, sizeof fs);
	decl_shape_str(src, &d->shape, ds, sizeof ds);
	for (int i = 0; i < d->shape.rank; i++) {
		struct dim dd = d->shape.d[i];
		if (dd.sym >= 0 && src->syms[dd.sym].bound && strlen(vals) < sizeof vals - 200)
			snprintf(vals + strlen(vals), sizeof vals - strlen(vals), "; %s = %lld from %s",
				 src->syms[dd.sym].name, (long long)src->syms[dd.sym].value, src->syms[dd.sym].bound_by);
	}
	return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: tensor '%s' has shape %s, but the graph (%s) declares %s%s",
		       what, t->name, fs, srcpos_str(d->name.pos, where, sizeof where), ds, vals);
}

/* How many consecutive layers, from 0, have at least one declared weight in the file. */
static enum rwkvc_status count_layers(struct err *e, const struct graph_src *src, const struct name_index *ix,
				      int64_t *out_layers)
{
	char name[256];
	int64_t n = 0;
	for (;; n++) {
		int found = 0;
		for (int w = 0; w < src->layer_weights.n && !found; w++) {
			TRY(src_instantiate(e, src, &src->layer_weights.items[w].name, (int)n, name, sizeof name));
			found = lookup(ix, name) != NULL;
		}
		if (!found || n > 100000)
			break;
	}
	*out_layers = n;
	return RWKVC_STATUS_OK;
}

/* The layer a weight name belongs to by the layer prefix ("blocks.{i}." ->
 * "blocks.7.att.key.weight" is layer 7), or -1. */
static int64_t layer_of_name(const char *prefix, const char *name)
{
	const char *mark = strstr(prefix, "{i}");
	size_t head = mark ? (size_t)(mark - prefix) : 0;
	if (!mark || strncmp(name, prefix, head) != 0)
		return -1;
	const char *p = name + head, *tail = mark + 3;
	int64_t v = 0;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((v = v * 10 + (*p - '0')) > 1000000000)
			return -1;
	return strncmp(p, tail, strlen(tail)) == 0 ? v : -1;
}

/* Layers are counted while they are consecutive from 0; a file that also
 * holds weights of a later layer has lost one (or holds a stray one), and
 * running it with fewer layers would give wrong results without a word. */
static enum rwkvc_status check_no_gap(struct err *e, const struct graph_src *src, const struct bind_tensor *tensors,
				      size_t n, int64_t layers, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		int64_t l = layer_of_name(src->layer_prefix, tensors[i].name);
		if (l > layers)
			return err_set(e, RWKVC_STATUS_BAD_SHAPE,
				       "%s: tensor '%s' is in layer %lld, but layer %lld has no weights (a layer is missing)",
				       what, tensors[i].name, (long long)l, (long long)layers);
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status graph_src_bind_weights(struct err *e, struct graph_src *src,
					 const struct bind_tensor *tensors, size_t n, const char *what)
{
	struct name_index ix = { tensors, n, mem_calloc(e, n ? n : 1, sizeof(size_t), "weight name index") };
	if (!ix.order)
		return e->status;
	for (size_t i = 0; i < n; i++)
		ix.order[i] = i;
	sort_base = tensors;
	qsort(ix.order, n, sizeof *ix.order, by_name);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(tensors[ix.order[i - 1]].name, tensors[ix.order[i]].name) == 0) {
			err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: tensor '%s' appears twice", what,
				tensors[ix.order[i]].name);
			goto fail;
		}
	}
	char name[256];
	if (src->layer_weights.n && src->layer_count.sym >= 0 && !src->syms[src->layer_count.sym].bound) {
		int64_t layers;
		if (count_layers(e, src, &ix, &layers))
			goto fail;
		if (layers == 0) {
			struct src_name first = src->layer_weights.items[0].name;
			if (!src_instantiate(e, src, &first, 0, name, sizeof name))
				err_set(e, RWKVC_STATUS_BAD_SHAPE,
					"%s: no layers found (no tensor '%s' or any other weight of layer 0)", what, name);
			goto fail;
		}
		if (check_no_gap(e, src, tensors, n, layers, what))
			goto fail;
		char by[300];
		snprintf(by, sizeof by, "the layers found in %s", what);
		if (bind_one(e, src, src->layer_count.sym, layers, by))
			goto fail;
	}
	for (int w = 0; w < src->weights.n; w++) {
		const struct bind_tensor *t = lookup(&ix, src->weights.items[w].name.text);
		if (t && unify(e, src, &src->weights.items[w], t, what))
			goto fail;
	}
	int64_t layers = src->layer_count.sym >= 0 ? src->syms[src->layer_count.sym].value : src->layer_count.n;
	for (int64_t i = 0; i < layers; i++) {
		for (int w = 0; w < src->layer_weights.n; w++) {
			if (src_instantiate(e, src, &src->layer_weights.items[w].name, (int)i, name, sizeof name))
				goto fail;
			const struct bind_tensor *t = lookup(&ix, name);
			if (t && unify(e, src, &src->layer_weights.items[w], t, what))
				goto fail;
		}
	}
	/* symbols no weight in the file declares stay unbound; graph_build fails
	 * only if a tensor that is really used needs one */
	mem_free(ix.order);
	return RWKVC_STATUS_OK;
fail:
	mem_free(ix.order);
	return e->status;
}
