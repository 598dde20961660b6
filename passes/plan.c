/* plan.c - storage for struct plan; see plan.h. */
#include "plan.h"

#include <string.h>

#include "base/mem.h"

void plan_init(struct plan *p, const struct graph *g)
{
	memset(p, 0, sizeof *p);
	p->g = g;
	p->act = DTYPE_F32;
	p->weight = DTYPE_F32;
	p->t_max = 1;
}

void plan_destroy(struct plan *p)
{
	mem_free(p->kernels);
	mem_free(p->op_order);
	mem_free(p->place);
	mem_free(p->copies);
	memset(p, 0, sizeof *p);
}

enum rwkvc_status plan_add_kernel(struct err *e, struct plan *p, const struct plan_kernel *k)
{
	TRY(mem_grow(e, (void **)&p->kernels, &p->cap_kernels, (size_t)p->n_kernels + 1, sizeof *p->kernels,
		     "plan kernels"));
	p->kernels[p->n_kernels++] = *k;
	return RWKVC_STATUS_OK;
}

uint64_t plan_weight_bytes_per_token(const struct plan *p)
{
	const struct graph *g = p->g;
	uint64_t total = 0;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		for (int b = 0; b < pk->n_bind; b++) {
			const struct plan_place *pl = &p->place[pk->bind[b]];
			if (pl->kind != PLACE_WEIGHT)
				continue;
			if (pk->desc.kind == KERNEL_EMBEDDING) {
				const struct shape *s = &g->tensors[pk->bind[b]].shape;
				total += dtype_bytes(pl->dtype, (uint64_t)dim_value(g, s->d[s->rank - 1], 1));
			} else {
				total += pl->bytes;
			}
		}
	}
	return total;
}
