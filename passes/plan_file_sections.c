/*
 * plan_file_sections.c - the KERN, BUFS, COPY and CODE sections of a plan
 * file (see plan_file.h for the layout). Readers resolve every name in the
 * rebuilt graph and check every index before the plan is used.
 */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "plan_dump.h"
#include "plan_file_internal.h"

/* ---- KERN ---- */

void pf_write_kernels(struct strbuf *b, const struct plan *p)
{
	const struct graph *g = p->g;
	pf_put_u32(b, (uint32_t)p->n_kernels);
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		pf_write_desc(b, &pk->desc);
		pf_put_u32(b, (uint32_t)pk->layer);
		pf_put_u8(b, pk->barrier_before);
		pf_put_u32(b, (uint32_t)pk->n_bind);
		for (int i = 0; i < pk->n_bind; i++)
			pf_put_str(b, g->tensors[pk->bind[i]].name);
		pf_put_u32(b, (uint32_t)pk->n_ops);
		for (int32_t i = 0; i < pk->n_ops; i++) /* an op goes by its first output's name */
			pf_put_str(b, g->tensors[g->ops[p->op_order[pk->first_op + i]].out[0]].name);
	}
}

/* The op that makes tensor `name` (read from r), for a kernel's op list. */
static int32_t read_op(struct pf_reader *r, const struct graph *g, int32_t k)
{
	char what[48];
	snprintf(what, sizeof what, "kernel %d's op list", k);
	int32_t t = pf_tensor(r, g, what);
	if (r->st)
		return -1;
	if (g->tensors[t].producer < 0) {
		pf_fail(r, "kernel %d covers '%s', which no op makes", k, g->tensors[t].name);
		return -1;
	}
	return g->tensors[t].producer;
}

static enum rwkvc_status read_kernel(struct pf_reader *r, struct plan *p, int32_t k, bool *covered)
{
	const struct graph *g = p->g;
	struct plan_kernel pk;
	memset(&pk, 0, sizeof pk);
	TRY(pf_read_desc(r, &pk.desc));
	pk.layer = pf_i32(r);
	pk.barrier_before = pf_bool(r);
	if (!r->st && (pk.layer < -1 || pk.layer >= (g->n_layers > 0 ? g->n_layers : 1)))
		return pf_fail(r, "kernel %d is in layer %d; the graph has %d", k, pk.layer, g->n_layers);
	pk.n_bind = (int)pf_count(r, 4, KERNEL_MAX_BINDINGS, "bindings");
	char what[48];
	snprintf(what, sizeof what, "kernel %d's bindings", k);
	for (int i = 0; i < pk.n_bind && !r->st; i++)
		pk.bind[i] = pf_tensor(r, g, what);
	TRY(r->st);
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	int want = kernel_bindings(&pk.desc, roles);
	if (want != pk.n_bind)
		return pf_fail(r, "kernel %d (%s) has %d bindings; its description needs %d", k,
			       kernel_kind_name(pk.desc.kind), pk.n_bind, want);
	pk.n_ops = (int32_t)pf_count(r, 4, (uint64_t)(g->n_ops - p->n_ops), "covered ops");
	pk.first_op = p->n_ops;
	for (int32_t i = 0; i < pk.n_ops && !r->st; i++) {
		int32_t op = read_op(r, g, k);
		if (r->st)
			break;
		if (covered[op])
			return pf_fail(r, "op '%s' is in two kernels (the second is %d)", g->tensors[g->ops[op].out[0]].name, k);
		covered[op] = true;
		p->op_order[p->n_ops++] = op;
	}
	TRY(r->st);
	enum rwkvc_status st = plan_add_kernel(r->e, p, &pk);
	return r->st = st;
}

enum rwkvc_status pf_read_kernels(struct pf_reader *r, struct plan *p)
{
	const struct graph *g = p->g;
	uint32_t n = pf_count(r, 64, 1u << 24, "kernels");
	TRY(r->st);
	bool *covered = mem_calloc(r->e, (size_t)g->n_ops + 1, sizeof *covered, "plan kernels");
	p->op_order = mem_calloc(r->e, (size_t)g->n_ops + 1, sizeof *p->op_order, "plan kernels");
	if (!covered || !p->op_order) {
		mem_free(covered);
		return r->st = r->e->status;
	}
	for (uint32_t k = 0; k < n && !r->st; k++)
		read_kernel(r, p, (int32_t)k, covered);
	for (int32_t i = 0; i < g->n_ops && !r->st; i++)
		if (!covered[i])
			pf_fail(r, "op '%s' is in no kernel", g->tensors[g->ops[i].out[0]].name);
	mem_free(covered);
	return r->st;
}

/* ---- BUFS ---- */

void pf_write_buffers(struct strbuf *b, const struct plan *p)
{
	const struct graph *g = p->g;
	pf_put_u64(b, p->weight_bytes);
	pf_put_u64(b, p->act_bytes);
	pf_put_u64(b, p->act_bytes_naive);
	pf_put_u64(b, p->state_bytes);
	pf_put_u32(b, (uint32_t)g->n_tensors);
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct plan_place *pl = &p->place[t];
		pf_put_str(b, g->tensors[t].name);
		pf_put_u32(b, (uint32_t)pl->kind);
		pf_put_u64(b, pl->offset);
		pf_put_u64(b, pl->bytes);
		pf_put_u32(b, (uint32_t)pl->dtype);
		pf_put_u8(b, pl->transposed);
		pf_put_str(b, pl->alias >= 0 ? g->tensors[pl->alias].name : "");
		pf_put_u32(b, (uint32_t)pl->first);
		pf_put_u32(b, (uint32_t)pl->last);
	}
}

/* Offsets inside their buffers, and alias chains that end. */
static enum rwkvc_status check_places(struct pf_reader *r, const struct plan *p)
{
	const struct graph *g = p->g;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct plan_place *pl = &p->place[t];
		uint64_t size = pl->kind == PLACE_WEIGHT ? p->weight_bytes
				: pl->kind == PLACE_ACT ? p->act_bytes
				: pl->kind == PLACE_STATE ? p->state_bytes
				: pl->kind == PLACE_TOKENS ? (uint64_t)p->t_max * 4 : UINT64_MAX;
		if (pl->offset > size || pl->bytes > size - pl->offset)
			return pf_fail(r, "'%s' at [%llu, +%llu) lies outside its %s buffer of %llu bytes", g->tensors[t].name,
				       (unsigned long long)pl->offset, (unsigned long long)pl->bytes, place_kind_name(pl->kind),
				       (unsigned long long)size);
		if (pl->kind == PLACE_WEIGHT && pl->alias < 0) {
			/* the runtime sizes uploads by the type: a quantised type needs whole blocks */
			uint64_t numel = (uint64_t)shape_numel(g, &g->tensors[t].shape, 1);
			size_t need = dtype_bytes(pl->dtype, numel);
			if (need == 0 || pl->bytes < need)
				return pf_fail(r, "weight '%s' of %llu elements cannot be stored as %s in %llu bytes",
					       g->tensors[t].name, (unsigned long long)numel, dtype_name(pl->dtype),
					       (unsigned long long)pl->bytes);
		}
		int32_t at = t, steps = 0;
		while (p->place[at].alias >= 0 && steps++ <= g->n_tensors)
			at = p->place[at].alias;
		if (steps > g->n_tensors)
			return pf_fail(r, "the aliases of '%s' go round in a circle", g->tensors[t].name);
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status pf_read_buffers(struct pf_reader *r, struct plan *p)
{
	const struct graph *g = p->g;
	p->weight_bytes = pf_u64(r);
	p->act_bytes = pf_u64(r);
	p->act_bytes_naive = pf_u64(r);
	p->state_bytes = pf_u64(r);
	uint32_t n = pf_count(r, 40, (uint64_t)g->n_tensors, "tensors");
	TRY(r->st);
	p->place = mem_calloc(r->e, (size_t)g->n_tensors + 1, sizeof *p->place, "plan places");
	if (!p->place)
		return r->st = r->e->status;
	for (int32_t t = 0; t < g->n_tensors; t++) /* what lowering gives a tensor nothing needs */
		p->place[t] = (struct plan_place){ PLACE_NONE, 0, 0, false, p->act, -1, -1, -1 };
	for (uint32_t i = 0; i < n && !r->st; i++) {
		int32_t t = pf_tensor(r, g, "the buffer map");
		struct plan_place pl;
		pl.kind = (enum place_kind)pf_enum(r, PLACE_TOKENS + 1, "place kind");
		pl.offset = pf_u64(r);
		pl.bytes = pf_u64(r);
		pl.dtype = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
		pl.transposed = pf_bool(r);
		const char *alias = pf_str(r);
		pl.alias = -1;
		if (*alias && !r->st && (pl.alias = graph_find(g, alias)) < 0)
			pf_fail(r, "'%s' is placed in '%s', which the plan's graph does not have", g->tensors[t].name, alias);
		pl.first = pf_i32(r);
		pl.last = pf_i32(r);
		if (!r->st && (pl.first < -1 || pl.last < pl.first || pl.last > p->n_kernels))
			pf_fail(r, "'%s' lives from kernel %d to %d; the plan has %d", g->tensors[t].name, pl.first, pl.last,
				p->n_kernels);
		if (!r->st)
			p->place[t] = pl;
	}
	TRY(r->st);
	for (int32_t k = 0; k < p->n_kernels; k++) /* what a kernel binds must be somewhere */
		for (int b = 0; b < p->kernels[k].n_bind; b++)
			if (p->place[p->kernels[k].bind[b]].kind == PLACE_NONE)
				return pf_fail(r, "kernel %d binds '%s', which the buffer map does not place", k,
					       g->tensors[p->kernels[k].bind[b]].name);
	return check_places(r, p);
}

/* ---- COPY ---- */

void pf_write_copies(struct strbuf *b, const struct plan *p)
{
	pf_put_u32(b, (uint32_t)p->n_copies);
	for (int32_t c = 0; c < p->n_copies; c++) {
		pf_put_str(b, p->g->tensors[p->copies[c].from].name);
		pf_put_str(b, p->g->tensors[p->copies[c].to].name);
	}
}

enum rwkvc_status pf_read_copies(struct pf_reader *r, struct plan *p)
{
	const struct graph *g = p->g;
	uint32_t n = pf_count(r, 8, (uint64_t)g->n_tensors, "state copies");
	TRY(r->st);
	p->copies = mem_calloc(r->e, (size_t)n + 1, sizeof *p->copies, "state copies");
	if (!p->copies)
		return r->st = r->e->status;
	for (uint32_t c = 0; c < n && !r->st; c++) {
		int32_t from = pf_tensor(r, g, "a state copy");
		int32_t to = pf_tensor(r, g, "a state copy");
		if (r->st)
			break;
		if (g->tensors[to].kind != TENSOR_STATE || p->place[to].kind != PLACE_STATE)
			return pf_fail(r, "a state copy writes '%s', which is not a state", g->tensors[to].name);
		p->copies[p->n_copies++] = (struct plan_state_copy){ from, to };
	}
	return r->st;
}

/* ---- CODE ---- */

void pf_write_code(struct strbuf *b, const struct plan_code *c, int32_t n_kernels)
{
	pf_put_u32(b, (uint32_t)c->n_blobs);
	for (int32_t i = 0; i < c->n_blobs; i++) {
		pf_put_str(b, c->blobs[i].glsl);
		pf_put_u32(b, (uint32_t)c->blobs[i].n_words);
		for (size_t w = 0; w < c->blobs[i].n_words; w++)
			pf_put_u32(b, c->blobs[i].words[w]);
	}
	pf_put_u32(b, c->n_blobs ? (uint32_t)n_kernels : 0);
	for (int32_t k = 0; c->n_blobs && k < n_kernels; k++)
		pf_put_u32(b, (uint32_t)c->kernel_blob[k]);
}

enum rwkvc_status pf_read_code(struct pf_reader *r, struct plan_code *c, int32_t n_kernels)
{
	uint32_t n = pf_count(r, 8, (uint64_t)n_kernels, "kernel blobs");
	TRY(r->st);
	c->blobs = mem_calloc(r->e, (size_t)n + 1, sizeof *c->blobs, "kernel code");
	if (!c->blobs)
		return r->st = r->e->status;
	for (uint32_t i = 0; i < n && !r->st; i++) {
		struct plan_code_blob *bl = &c->blobs[i];
		const char *glsl = pf_str(r);
		bl->glsl = mem_strdup(r->e, glsl, "kernel code");
		c->n_blobs = (int32_t)i + 1;
		if (!bl->glsl)
			return r->st = r->e->status;
		bl->n_words = pf_count(r, 4, UINT32_MAX / 4, "SPIR-V words");
		if (r->st || !bl->n_words)
			continue;
		bl->words = mem_alloc(r->e, bl->n_words * 4, "kernel code");
		if (!bl->words)
			return r->st = r->e->status;
		for (size_t w = 0; w < bl->n_words; w++)
			bl->words[w] = pf_u32(r);
	}
	uint32_t n_map = pf_count(r, 4, (uint64_t)n_kernels, "kernels with code");
	TRY(r->st);
	if (n && n_map != (uint32_t)n_kernels)
		return pf_fail(r, "code for %u kernels; the plan has %d", n_map, n_kernels);
	if (!n)
		return n_map ? pf_fail(r, "a kernel map without code") : RWKVC_STATUS_OK;
	c->kernel_blob = mem_calloc(r->e, (size_t)n_kernels + 1, sizeof *c->kernel_blob, "kernel code");
	if (!c->kernel_blob)
		return r->st = r->e->status;
	for (int32_t k = 0; k < n_kernels && !r->st; k++)
		c->kernel_blob[k] = (int32_t)pf_enum(r, n, "kernel blob");
	return r->st;
}
