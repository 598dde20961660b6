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
