/*
 * fuse.c - the fusion pass (see fuse.h).
 *
 * Rules run in table order; each walks the ops in order and grows a group
 * from every op it can anchor on, claiming ops no earlier group took. What
 * no rule claims runs alone. A group must stay convex (no path leaves it and
 * comes back), so growth refuses an op that depends on the group through an
 * op outside it.
 */
#include "fuse.h"

#include <string.h>

#include "base/mem.h"
#include "codegen/kernel.h"

struct fuser {
	struct err *e;
	const struct graph *g;
	bool region_lora;
	int32_t *cons_start, *cons; /* consumers of each tensor (CSR) */
	bool *needed_outside;       /* a graph output or a state write */
	int32_t *claim;             /* group of each op, or -1 */
	struct op_group *groups;
	size_t cap_groups;
	int32_t n_groups;
	int32_t *members; /* [n_ops]: ops of the group being grown */
	int32_t n_members;
	uint32_t *visit;  /* per op: generation of the last depends-on-group search */
	uint32_t generation;
};

/* ---- graph queries ---- */

static int n_consumers(const struct fuser *f, int32_t t) { return f->cons_start[t + 1] - f->cons_start[t]; }
static int32_t consumer(const struct fuser *f, int32_t t, int k) { return f->cons[f->cons_start[t] + k]; }
static int32_t producer(const struct fuser *f, int32_t t) { return f->g->tensors[t].producer; }
static const struct op *op_at(const struct fuser *f, int32_t i) { return &f->g->ops[i]; }

static bool has_T(const struct graph *g, int32_t t)
{
	const struct shape *s = &g->tensors[t].shape;
	for (int i = 0; i < s->rank; i++)
		if (s->d[i].sym >= 0 && s->d[i].sym == g->sym_T)
			return true;
	return false;
}

static int64_t width(const struct graph *g, int32_t t)
{
	const struct shape *s = &g->tensors[t].shape;
	return dim_value(g, s->d[s->rank - 1], 1);
}

static int64_t numel(const struct graph *g, int32_t t) { return shape_numel(g, &g->tensors[t].shape, 1); }

static bool is_elementwise(enum op_kind k)
{
	switch (k) {
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_LERP: case OP_TANH:
	case OP_SIGMOID: case OP_RELU_SQ: case OP_DECAY: case OP_COPY:
		return true;
	default:
		return false;
	}
}

static bool is_fixed(const struct graph *g, int32_t t)
{
	enum tensor_kind k = g->tensors[t].kind;
	return k == TENSOR_WEIGHT || k == TENSOR_CONST;
}

static bool free_op(const struct fuser *f, int32_t op) { return op >= 0 && f->claim[op] < 0; }

/* ---- building a group ---- */

static bool in_group(const struct fuser *f, int32_t op)
{
	for (int32_t i = 0; i < f->n_members; i++)
		if (f->members[i] == op)
			return true;
	return false;
}

static void add_member(struct fuser *f, int32_t op) { f->members[f->n_members++] = op; }

/* True when `op` depends on the group being grown through an op outside it. */
static bool depends_on_group(struct fuser *f, int32_t op)
{
	f->generation++;
	int32_t lowest = f->g->n_ops;
	for (int32_t i = 0; i < f->n_members; i++)
		lowest = f->members[i] < lowest ? f->members[i] : lowest;
	/* ops are in topological order: nothing before the group's first op depends on it */
	int32_t *stack = f->members + f->n_members; /* spare room after the members */
	int32_t depth = 0;
	stack[depth++] = op;
	while (depth) {
		const struct op *o = op_at(f, stack[--depth]);
		for (int k = 0; k < o->n_in; k++) {
			int32_t p = producer(f, o->in[k]);
			if (p < lowest || f->visit[p] == f->generation)
				continue;
			if (in_group(f, p))
				return true;
			f->visit[p] = f->generation;
			stack[depth++] = p;
		}
	}
	return false;
}

static enum rwkvc_status commit_group(struct fuser *f, enum group_kind kind, int32_t anchor)
{
	TRY(mem_grow(f->e, (void **)&f->groups, &f->cap_groups, (size_t)f->n_groups + 1, sizeof *f->groups,
		     "fusion groups"));
	struct op_group *grp = &f->groups[f->n_groups];
	grp->kind = kind;
	grp->anchor = anchor;
	grp->n = f->n_members;
	for (int32_t i = 0; i < f->n_members; i++)
		f->claim[f->members[i]] = f->n_groups;
	f->n_groups++;
	f->n_members = 0;
	return RWKVC_STATUS_OK;
}

/* ---- rule: matvec + activation (+ residual add) ---- */

static int32_t sole_consumer(const struct fuser *f, int32_t t)
{
	return n_consumers(f, t) == 1 && !f->needed_outside[t] ? consumer(f, t, 0) : -1;
}

static bool grow_matvec(struct fuser *f, int32_t anchor)
{
	const struct graph *g = f->g;
	const struct op *m = op_at(f, anchor);
	if (m->kind != OP_LINEAR && m->kind != OP_MATMUL)
		return false;
	add_member(f, anchor);
	int32_t out = m->out[0];
	int32_t u = sole_consumer(f, out);
	if (free_op(f, u)) {
		enum op_kind k = op_at(f, u)->kind;
		if (k == OP_TANH || k == OP_SIGMOID || k == OP_RELU_SQ) {
			add_member(f, u);
			out = op_at(f, u)->out[0];
		}
	}
	int32_t a = sole_consumer(f, out);
	if (free_op(f, a) && op_at(f, a)->kind == OP_ADD) {
		const struct op *add = op_at(f, a);
		int32_t other = add->in[0] == out ? add->in[1] : add->in[0];
		if (other != out && has_T(g, other) && width(g, other) == width(g, out))
			add_member(f, a);
	}
	return f->n_members > 1;
}

/* ---- rule: [layer norm] + token shift + lerps (+ state) ---- */

static bool grow_mix(struct fuser *f, int32_t anchor)
{
	const struct graph *g = f->g;
	const struct op *s = op_at(f, anchor);
	if (s->kind != OP_TOKEN_SHIFT || g->tensors[s->in[1]].kind != TENSOR_STATE || f->needed_outside[s->out[0]])
		return false;
	int32_t a = s->in[0], shifted = s->out[0];
	int n = n_consumers(f, shifted);
	if (n < 1 || n > MIX_MAX)
		return false;
	for (int k = 0; k < n; k++) {
		int32_t l = consumer(f, shifted, k);
		const struct op *lerp = op_at(f, l);
		if (!free_op(f, l) || lerp->kind != OP_LERP || lerp->in[0] != a || lerp->in[1] != shifted ||
		    !is_fixed(g, lerp->in[2]) || numel(g, lerp->in[2]) != width(g, a))
			return false;
	}
	add_member(f, anchor);
	for (int k = 0; k < n; k++)
		add_member(f, consumer(f, shifted, k));
	bool only_ours = !f->needed_outside[a];
	int32_t last = -1;
	for (int k = 0; k < n_consumers(f, a); k++) {
		int32_t c = consumer(f, a, k);
		if (free_op(f, c) && op_at(f, c)->kind == OP_LAST_ROW && last < 0)
			last = c;
		else if (!in_group(f, c))
			only_ours = false;
	}
	if (last >= 0)
		add_member(f, last);
	int32_t ln = producer(f, a);
	if (only_ours && free_op(f, ln) && op_at(f, ln)->kind == OP_LAYER_NORM)
		add_member(f, ln);
	return true;
}

/* ---- rule: head-local region around wkv7 ---- */

struct region_shape {
	int64_t width, head; /* C and N */
};

/* Whether `op` can run head-locally in a region of this shape. */
static bool head_local(const struct fuser *f, int32_t op, struct region_shape rs)
{
	const struct graph *g = f->g;
	const struct op *o = op_at(f, op);
	int32_t out = o->out[0];
	if (!has_T(g, out) || width(g, out) != rs.width)
		return false;
	if (is_elementwise(o->kind)) {
		for (int k = 0; k < o->n_in; k++) {
			int32_t t = o->in[k];
			bool ok = is_fixed(g, t) ? numel(g, t) == rs.width || numel(g, t) == 1
						 : has_T(g, t) && width(g, t) == rs.width;
			if (!ok)
				return false;
		}
		return true;
	}
	switch (o->kind) {
	case OP_L2_NORM:
		return (int64_t)o->param[0] == rs.head;
	case OP_GROUP_NORM:
		return (int64_t)o->param[0] == rs.head;
	case OP_RK_BONUS: {
		const struct shape *rk = &g->tensors[o->in[3]].shape;
		return dim_value(g, rk->d[rk->rank - 1], 1) == rs.head;
	}
	case OP_MATMUL:
	case OP_LINEAR: /* a small product from a full vector: a LoRA up-projection, not a C x C matrix */
		return f->region_lora && is_fixed(g, o->in[1]) && width(g, o->in[0]) != rs.width && width(g, o->in[0]) <= 1024 &&
		       producer(f, o->in[0]) >= 0;
	default:
		return false;
	}
}

/* Inputs of a candidate consumer: made inside, fixed, or made outside without depending on the group. */
static bool inputs_available(struct fuser *f, int32_t op)
{
	const struct op *o = op_at(f, op);
	for (int k = 0; k < o->n_in; k++) {
		int32_t p = producer(f, o->in[k]);
		if (p >= 0 && !in_group(f, p) && depends_on_group(f, p))
			return false;
	}
	return true;
}

static bool all_consumers_inside(const struct fuser *f, int32_t op)
{
	const struct op *o = op_at(f, op);
	for (int i = 0; i < o->n_out; i++) {
		if (f->needed_outside[o->out[i]])
			return false;
		for (int k = 0; k < n_consumers(f, o->out[i]); k++)
			if (!in_group(f, consumer(f, o->out[i], k)))
				return false;
	}
	return true;
}

/* Adds one more op to the region; false when nothing more fits. */
static bool grow_region_once(struct fuser *f, struct region_shape rs)
{
	for (int32_t i = 0; i < f->n_members; i++) {
		const struct op *m = op_at(f, f->members[i]);
		for (int k = 0; k < m->n_in; k++) { /* producers whose results only the region reads */
			int32_t p = producer(f, m->in[k]);
			if (free_op(f, p) && !in_group(f, p) && head_local(f, p, rs) && all_consumers_inside(f, p) &&
			    !depends_on_group(f, p)) {
				add_member(f, p);
				return true;
			}
		}
		for (int o = 0; o < m->n_out; o++) { /* consumers that read nothing made after the region */
			for (int k = 0; k < n_consumers(f, m->out[o]); k++) {
				int32_t c = consumer(f, m->out[o], k);
				if (free_op(f, c) && !in_group(f, c) && head_local(f, c, rs) && inputs_available(f, c)) {
					add_member(f, c);
					return true;
				}
			}
		}
	}
	return false;
}

static bool grow_head_region(struct fuser *f, int32_t anchor)
{
	const struct graph *g = f->g;
	const struct op *w = op_at(f, anchor);
	if (w->kind != OP_WKV7 || g->tensors[w->in[6]].kind != TENSOR_STATE)
		return false;
	const struct shape *st = &g->tensors[w->in[6]].shape;
	struct region_shape rs = { width(g, w->out[0]), dim_value(g, st->d[st->rank - 1], 1) };
	add_member(f, anchor);
	/* the op budget leaves room: values and bindings are checked again when lowering */
	while (f->n_members < REGION_MAX_OPS / 2 + 8 && grow_region_once(f, rs))
		;
	return true;
}

/* ---- rule: chains of elementwise ops ---- */

static bool grow_ew_chain(struct fuser *f, int32_t anchor)
{
	const struct graph *g = f->g;
	const struct op *a = op_at(f, anchor);
	if (!is_elementwise(a->kind))
		return false;
	add_member(f, anchor);
	int32_t out = a->out[0];
	for (int32_t i = 0; i < f->n_members && f->n_members < EW_MAX_CODE; i++) {
		const struct op *m = op_at(f, f->members[i]);
		for (int k = 0; k < m->n_in && f->n_members < EW_MAX_CODE; k++) {
			int32_t p = producer(f, m->in[k]);
			if (free_op(f, p) && is_elementwise(op_at(f, p)->kind) && sole_consumer(f, m->in[k]) == f->members[i] &&
			    has_T(g, m->in[k]) == has_T(g, out) && numel(g, m->in[k]) == numel(g, out))
				add_member(f, p);
		}
	}
	/* the expression takes at most EW_MAX_IN buffers: give up on bigger chains */
	int n_inputs = 0;
	for (int32_t i = 0; i < f->n_members; i++) {
		const struct op *m = op_at(f, f->members[i]);
		for (int k = 0; k < m->n_in; k++)
			if (!in_group(f, producer(f, m->in[k])) && g->tensors[m->in[k]].kind != TENSOR_CONST)
				n_inputs++;
	}
	if (n_inputs > EW_MAX_IN)
		f->n_members = 1;
	return f->n_members > 1;
}

/* ---- the rule table ---- */

static const struct rule {
	const char *name;
	enum group_kind kind;
	bool (*grow)(struct fuser *f, int32_t anchor);
	bool reverse; /* anchor on the last op of a chain: walk backwards */
} rules[] = {
	{ "mix", GROUP_MIX, grow_mix, false },
	{ "matvec", GROUP_MATVEC, grow_matvec, false },
	{ "head_region", GROUP_HEAD_REGION, grow_head_region, false },
	{ "ew_chain", GROUP_EW_CHAIN, grow_ew_chain, true },
};

static const char *const kind_names[GROUP_KIND_COUNT] = { "single", "ew_chain", "matvec", "mix", "head_region",
							   "matvec_set" };

const char *group_kind_name(enum group_kind k) { return (unsigned)k < GROUP_KIND_COUNT ? kind_names[k] : "?"; }

bool fuse_rule_from_name(const char *name, enum group_kind *out)
{
	if (strcmp(name, "matvec_set") == 0) { /* not a growing rule: merges matvecs after the others */
		*out = GROUP_MATVEC_SET;
		return true;
	}
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
		if (strcmp(rules[r].name, name) == 0) {
			*out = rules[r].kind;
			return true;
		}
	}
	return false;
}

struct fuse_options fuse_options_all(void)
{
	struct fuse_options o;
	for (int k = 0; k < GROUP_KIND_COUNT; k++)
		o.enable[k] = true;
	o.region_lora = false;
	return o;
}


/* ---- ordering the groups ---- */

/*
 * Wavefronts: every group whose inputs are ready goes before any group that
 * needs one of them, so independent kernels (r, k, v and the LoRA products of
 * a layer) sit next to each other, between the same two barriers; within a
 * wavefront, in the order of their first ops. Writes each group's wavefront
 * into level[] and, when `place`, its position into groups[].first.
 */
static enum rwkvc_status wavefronts(struct fuser *f, int32_t *level, bool place)
{
	const struct graph *g = f->g;
	int32_t G = f->n_groups;
	int32_t *pending = mem_calloc(f->e, (size_t)G + 1, sizeof *pending, "fusion order");
	bool *done = mem_calloc(f->e, (size_t)G + 1, sizeof *done, "fusion order");
	bool *ready = mem_calloc(f->e, (size_t)G + 1, sizeof *ready, "fusion order");
	enum rwkvc_status st = pending && done && ready ? RWKVC_STATUS_OK : f->e->status;
	/* pending[grp] = inputs produced by other groups not yet placed (counted per edge) */
	for (int32_t i = 0; i < g->n_ops && !st; i++)
		for (int k = 0; k < g->ops[i].n_in; k++) {
			int32_t p = producer(f, g->ops[i].in[k]);
			if (p >= 0 && f->claim[p] != f->claim[i])
				pending[f->claim[i]]++;
		}
	int32_t placed = 0, at = 0, front = 0;
	for (int32_t grp = 0; grp < G && !st; grp++)
		if (f->groups[grp].n == 0) { /* merged into another */
			done[grp] = true;
			placed++;
		}
	while (placed < G && !st) {
		int32_t in_front = 0;
		for (int32_t grp = 0; grp < G; grp++) {
			ready[grp] = !done[grp] && pending[grp] == 0;
			in_front += ready[grp];
		}
		if (!in_front) {
			st = err_set(f->e, RWKVC_STATUS_BAD_GRAPH, "fusion made a cycle between groups (a fusion rule is wrong)");
			break;
		}
		for (int32_t i = 0; i < g->n_ops; i++) {
			int32_t next = f->claim[i];
			if (!ready[next] || done[next])
				continue;
			done[next] = true;
			level[next] = front;
			if (place)
				f->groups[next].first = at;
			at += f->groups[next].n;
			placed++;
		}
		for (int32_t i = 0; i < g->n_ops; i++) {
			if (!ready[f->claim[i]])
				continue;
			for (int o = 0; o < g->ops[i].n_out; o++)
				for (int k = 0; k < n_consumers(f, g->ops[i].out[o]); k++) {
					int32_t c = consumer(f, g->ops[i].out[o], k);
					if (f->claim[c] != f->claim[i])
						pending[f->claim[c]]--;
				}
		}
		front++;
	}
	mem_free(pending);
	mem_free(done);
	mem_free(ready);
	return st;
}

/* A group that is one matvec (with its epilogue and residual), small enough to
 * be bound whole (the head, 65536 rows, stays alone: it may need row chunks). */
static bool lone_matvec(const struct fuser *f, int32_t grp)
{
	const struct op_group *gr = &f->groups[grp];
	const struct op *a = op_at(f, gr->anchor);
	if (gr->n == 0 || (gr->kind != GROUP_MATVEC && !(gr->kind == GROUP_SINGLE && gr->n == 1)))
		return false;
	if (a->kind != OP_LINEAR && a->kind != OP_MATMUL)
		return false;
	return numel(f->g, a->in[1]) <= ((int64_t)1 << 24);
}

/* Independent matvecs of one wavefront become one kernel (up to MATVEC_SET_MAX). */
static void merge_matvec_sets(struct fuser *f, const int32_t *level)
{
	const struct graph *g = f->g;
	size_t n = (size_t)f->n_groups + 1;
	int32_t *leader = mem_alloc(f->e, n * sizeof *leader, "fusion");
	int32_t *open = mem_alloc(f->e, n * sizeof *open, "fusion"); /* per wavefront: the set being filled */
	int *parts = mem_calloc(f->e, n, sizeof *parts, "fusion");
	if (!leader || !open || !parts) { /* merging is an optimisation: without memory, skip it */
		mem_free(leader);
		mem_free(open);
		mem_free(parts);
		return;
	}
	for (int32_t grp = 0; grp < f->n_groups; grp++)
		leader[grp] = open[grp] = -1;
	for (int32_t i = 0; i < g->n_ops; i++) {
		int32_t grp = f->claim[i];
		if (f->groups[grp].anchor != i || !lone_matvec(f, grp))
			continue;
		int32_t *set = &open[level[grp]];
		if (*set >= 0 && parts[*set] < MATVEC_SET_MAX) {
			leader[grp] = *set;
			parts[*set]++;
		} else {
			*set = grp;
			parts[grp] = 1;
		}
	}
	for (int32_t i = 0; i < g->n_ops; i++) {
		int32_t grp = f->claim[i];
		if (leader[grp] < 0)
			continue;
		struct op_group *to = &f->groups[leader[grp]];
		to->kind = GROUP_MATVEC_SET;
		to->n++;
		f->claim[i] = leader[grp];
	}
	for (int32_t grp = 0; grp < f->n_groups; grp++)
		if (leader[grp] >= 0)
			f->groups[grp].n = 0;
	mem_free(leader);
	mem_free(open);
	mem_free(parts);
}

/* Drops the groups merging emptied, renumbering the claims. Failing is an
 * error, not a skipped tidy-up: an empty group keeps a stale `first`, and
 * lowering takes every group of the partition for a kernel. */
static enum rwkvc_status compact_groups(struct fuser *f)
{
	int32_t *to = mem_alloc(f->e, ((size_t)f->n_groups + 1) * sizeof *to, "fusion");
	if (!to)
		return f->e->status;
	int32_t kept = 0;
	for (int32_t grp = 0; grp < f->n_groups; grp++) {
		to[grp] = f->groups[grp].n ? kept : -1;
		if (f->groups[grp].n)
			f->groups[kept++] = f->groups[grp];
	}
	for (int32_t i = 0; i < f->g->n_ops; i++)
		f->claim[i] = to[f->claim[i]];
	f->n_groups = kept;
	mem_free(to);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status order_groups(struct fuser *f, struct partition *out, bool matvec_sets)
{
	const struct graph *g = f->g;
	int32_t *level = mem_calloc(f->e, (size_t)f->n_groups + 1, sizeof *level, "fusion order");
	if (!level)
		return f->e->status;
	enum rwkvc_status st = RWKVC_STATUS_OK;
	if (matvec_sets) {
		st = wavefronts(f, level, false);
		if (!st) {
			merge_matvec_sets(f, level);
			st = compact_groups(f);
		}
	}
	if (!st)
		st = wavefronts(f, level, true);
	mem_free(level);
	int32_t *fill = st ? NULL : mem_calloc(f->e, (size_t)f->n_groups + 1, sizeof *fill, "fusion order");
	if (!st && !fill)
		st = f->e->status;
	/* ops of a group in their topological (index) order */
	for (int32_t i = 0; i < g->n_ops && !st; i++) {
		int32_t grp = f->claim[i];
		out->ops[f->groups[grp].first + fill[grp]++] = i;
	}
	mem_free(fill);
	return st;
}

/* ---- driver ---- */

static enum rwkvc_status index_consumers(struct fuser *f)
{
	const struct graph *g = f->g;
	size_t nt = (size_t)g->n_tensors;
	f->cons_start = mem_calloc(f->e, nt + 2, sizeof *f->cons_start, "fusion");
	f->needed_outside = mem_calloc(f->e, nt + 1, sizeof *f->needed_outside, "fusion");
	if (!f->cons_start || !f->needed_outside)
		return f->e->status;
	size_t edges = 0;
	for (int32_t i = 0; i < g->n_ops; i++)
		for (int k = 0; k < g->ops[i].n_in; k++)
			f->cons_start[g->ops[i].in[k] + 2]++, edges++;
	for (size_t t = 2; t < nt + 2; t++)
		f->cons_start[t] += f->cons_start[t - 1];
	f->cons = mem_calloc(f->e, edges + 1, sizeof *f->cons, "fusion");
	if (!f->cons)
		return f->e->status;
	for (int32_t i = 0; i < g->n_ops; i++)
		for (int k = 0; k < g->ops[i].n_in; k++)
			f->cons[f->cons_start[g->ops[i].in[k] + 1]++] = i;
	for (int o = 0; o < g->n_outputs; o++)
		f->needed_outside[g->outputs[o]] = true;
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++)
			f->needed_outside[g->states[s].write[l]] = true;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status run_rules(struct fuser *f, const struct fuse_options *o)
{
	const struct graph *g = f->g;
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
		if (!o->enable[rules[r].kind])
			continue;
		for (int32_t n = 0; n < g->n_ops; n++) {
			int32_t i = rules[r].reverse ? g->n_ops - 1 - n : n;
			if (f->claim[i] >= 0)
				continue;
			f->n_members = 0;
			if (rules[r].grow(f, i))
				TRY(commit_group(f, rules[r].kind, i));
			f->n_members = 0;
		}
	}
	for (int32_t i = 0; i < g->n_ops; i++) {
		if (f->claim[i] < 0) {
			add_member(f, i);
			TRY(commit_group(f, GROUP_SINGLE, i));
		}
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status fuse_partition(struct err *e, const struct graph *g, const struct fuse_options *o,
				 struct partition *out)
{
	memset(out, 0, sizeof *out);
	struct fuser f = { 0 };
	f.e = e;
	f.g = g;
	f.region_lora = o->region_lora;
	size_t n = (size_t)g->n_ops + 1;
	f.claim = mem_alloc(e, n * sizeof *f.claim, "fusion");
	f.members = mem_alloc(e, 2 * n * sizeof *f.members, "fusion"); /* members, then a search stack */
	f.visit = mem_calloc(e, n, sizeof *f.visit, "fusion");
	out->ops = mem_alloc(e, n * sizeof *out->ops, "fusion");
	enum rwkvc_status st = f.claim && f.members && f.visit && out->ops ? RWKVC_STATUS_OK : e->status;
	if (!st) {
		for (size_t i = 0; i < n; i++)
			f.claim[i] = -1;
		st = index_consumers(&f);
	}
	if (!st)
		st = run_rules(&f, o);
	if (!st)
		st = order_groups(&f, out, o->enable[GROUP_MATVEC_SET]);
	mem_free(f.cons_start);
	mem_free(f.cons);
	mem_free(f.needed_outside);
	mem_free(f.members);
	mem_free(f.visit);
	if (st) {
		mem_free(f.claim);
		mem_free(f.groups);
		mem_free(out->ops);
		memset(out, 0, sizeof *out);
		return st;
	}
	out->group_of = f.claim;
	out->groups = f.groups;
	out->n_groups = f.n_groups;
	return RWKVC_STATUS_OK;
}

void partition_destroy(struct partition *p)
{
	mem_free(p->group_of);
	mem_free(p->groups);
	mem_free(p->ops);
	memset(p, 0, sizeof *p);
}
