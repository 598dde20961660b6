/*
 * memplan.c - where every tensor lives.
 *
 * Weights are laid out one after another in their storage type; activations
 * get aligned regions of an arena sized for t_max tokens; state slots follow
 * the flat state layout of the public API (slot-major, then layer), in f32.
 */
#include "lower.h"

static uint64_t round_up(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

uint64_t plan_tensor_bytes(const struct plan *p, int32_t t, int64_t T)
{
	const struct tensor *tn = &p->g->tensors[t];
	uint64_t n = (uint64_t)shape_numel(p->g, &tn->shape, T);
	size_t b = dtype_bytes(p->place[t].dtype, n);
	return b ? b : n * 4; /* a type that does not divide: the caller refuses it */
}

/* First and last kernel that touch each activation. */
static void liveness(struct plan *p)
{
	for (int32_t k = 0; k < p->n_kernels; k++) {
		for (int b = 0; b < p->kernels[k].n_bind; b++) {
			struct plan_place *pl = &p->place[p->kernels[k].bind[b]];
			if (pl->first < 0)
				pl->first = k;
			pl->last = k;
		}
	}
	/* state copies and the output readback happen after the last kernel */
	for (int32_t c = 0; c < p->n_copies; c++)
		p->place[p->copies[c].from].last = p->n_kernels;
	for (int o = 0; o < p->g->n_outputs; o++)
		p->place[p->g->outputs[o]].last = p->n_kernels;
}

enum rwkvc_status plan_memplan(struct err *e, struct plan *p, uint64_t align)
{
	const struct graph *g = p->g;
	p->weight_bytes = p->act_bytes = p->act_bytes_naive = p->state_bytes = 0;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		struct plan_place *pl = &p->place[t];
		if (pl->kind == PLACE_WEIGHT) {
			if (!dtype_bytes(pl->dtype, (uint64_t)shape_numel(g, &g->tensors[t].shape, 1)))
				return err_set(e, RWKVC_STATUS_UNSUPPORTED, "weight '%s' cannot be stored as %s: its size is "
					       "not a whole number of blocks", g->tensors[t].name, dtype_name(pl->dtype));
			pl->offset = p->weight_bytes;
			pl->bytes = plan_tensor_bytes(p, t, p->t_max);
			p->weight_bytes = round_up(p->weight_bytes + pl->bytes, align);
		} else if (pl->kind == PLACE_ACT) {
			pl->offset = p->act_bytes;
			pl->bytes = plan_tensor_bytes(p, t, p->t_max);
			p->act_bytes = round_up(p->act_bytes + pl->bytes, align);
		} else if (pl->kind == PLACE_TOKENS) {
			pl->offset = 0;
			pl->bytes = (uint64_t)p->t_max * 4;
		}
	}
	p->act_bytes_naive = p->act_bytes;
	/* the state: slot-major, then layer, as rwkvc_state_get() returns it */
	for (int s = 0; s < g->n_states; s++) {
		for (int l = 0; l < g->n_layers; l++) {
			struct plan_place *pl = &p->place[g->states[s].read[l]];
			pl->offset = p->state_bytes;
			pl->bytes = (uint64_t)shape_numel(g, &g->states[s].shape, 1) * 4;
			p->state_bytes += pl->bytes;
		}
	}
	liveness(p);
	return RWKVC_STATUS_OK;
}
