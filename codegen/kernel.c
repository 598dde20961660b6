/*
 * kernel.c - the kernel interface of kernel.h: names, bindings, grids, and
 * codegen_emit, which hands a description to its family's emitter.
 */
#include "codegen/kernel.h"

#include "base/mem.h"
#include "base/strbuf.h"
#include "emit.h"

const char *kernel_kind_name(enum kernel_kind k)
{
	static const char *const names[KERNEL_COUNT] = {
		[KERNEL_EMBEDDING] = "embedding",     [KERNEL_LAYER_NORM] = "layer_norm",
		[KERNEL_GROUP_NORM] = "group_norm",   [KERNEL_L2_NORM] = "l2_norm",
		[KERNEL_MATVEC] = "matvec",           [KERNEL_ELEMENTWISE] = "elementwise",
		[KERNEL_TOKEN_SHIFT] = "token_shift", [KERNEL_LAST_ROW] = "last_row",
		[KERNEL_WKV7] = "wkv7",               [KERNEL_RK_BONUS] = "rk_bonus",
		[KERNEL_MIX] = "mix",                 [KERNEL_HEAD_REGION] = "head_region",
		[KERNEL_MATVEC_SET] = "matvec_set",
	};
	return (unsigned)k < KERNEL_COUNT ? names[k] : "?";
}

/* Binding constructors: a [T, n] activation, a fixed-size vector, weight rows. */
static struct kernel_binding_info per_t(enum kernel_role r, enum dtype d, const char *name, int64_t n)
{
	return (struct kernel_binding_info){ r, d, name, n, 0, 0 };
}

static struct kernel_binding_info fixed(enum kernel_role r, enum dtype d, const char *name, int64_t n)
{
	return (struct kernel_binding_info){ r, d, name, 0, 0, n };
}

static const char *const EW_NAMES[EW_MAX_IN] = { "in0", "in1", "in2", "in3" };
static const char *const WKV_IN[6] = { "r", "w", "k", "v", "kk", "a" };
static const char *const BONUS_IN[3] = { "r", "k", "v" };

static const char *const SET_NAMES[MATVEC_SET_MAX][4] = {
	{ "x0", "W0", "residual0", "y0" }, { "x1", "W1", "residual1", "y1" }, { "x2", "W2", "residual2", "y2" },
	{ "x3", "W3", "residual3", "y3" }, { "x4", "W4", "residual4", "y4" }, { "x5", "W5", "residual5", "y5" },
	{ "x6", "W6", "residual6", "y6" }, { "x7", "W7", "residual7", "y7" },
};

static const char *const MIX_NAMES[2][MIX_MAX] = {
	{ "mix0", "mix1", "mix2", "mix3", "mix4", "mix5" },
	{ "out0", "out1", "out2", "out3", "out4", "out5" },
};

/* x, [w, b], prev, mix_i..., out_i..., [state] */
static int mix_bindings(const struct kernel_desc *k, struct kernel_binding_info out[KERNEL_MAX_BINDINGS])
{
	int n = 0, m = k->mix.n_mix < MIX_MAX ? k->mix.n_mix : MIX_MAX;
	out[n++] = per_t(ROLE_INPUT, k->act, "x", k->width);
	if (k->mix.layer_norm) {
		out[n++] = fixed(ROLE_INPUT, k->weight, "w", k->width);
		out[n++] = fixed(ROLE_INPUT, k->weight, "b", k->width);
	}
	out[n++] = fixed(ROLE_INPUT, DTYPE_F32, "prev", k->width);
	for (int i = 0; i < m; i++)
		out[n++] = fixed(ROLE_INPUT, k->weight, MIX_NAMES[0][i], k->width);
	for (int i = 0; i < m; i++)
		out[n++] = per_t(ROLE_OUTPUT, k->act, MIX_NAMES[1][i], k->width);
	if (k->mix.state_out)
		out[n++] = fixed(ROLE_OUTPUT, DTYPE_F32, "state", k->width);
	return n;
}

/* One binding per region input and output; sizes from the values bound to them. */
static int region_bindings(const struct kernel_desc *k, struct kernel_binding_info out[KERNEL_MAX_BINDINGS])
{
	const struct region_program *rp = &k->region;
	int n = rp->n_bindings < KERNEL_MAX_BINDINGS ? rp->n_bindings : KERNEL_MAX_BINDINGS;
	for (int b = 0; b < n; b++)
		out[b] = per_t(rp->role[b] == REGION_BINDING_IN ? ROLE_INPUT : ROLE_OUTPUT, rp->binding_dtype[b],
			       region_binding_name(b), k->width);
	for (int v = 0; v < rp->n_values; v++) {
		const struct region_value *rv = &rp->v[v];
		if (rv->binding < 0 || rv->binding >= n)
			continue;
		struct kernel_binding_info *bi = &out[rv->binding];
		switch (rv->kind) {
		case RV_VECTOR: bi->per_token = rv->n; break;
		case RV_CHANNEL: bi->per_token = 0; bi->fixed = rv->n; break;
		case RV_MATRIX: bi->per_token = 0; bi->fixed = k->width * rv->n; break;
		case RV_STATE: bi->per_token = 0; bi->fixed = k->width * k->group; break;
		default: break;
		}
	}
	return n;
}

int kernel_binding_info(const struct kernel_desc *k, struct kernel_binding_info out[KERNEL_MAX_BINDINGS])
{
	const enum kernel_role I = ROLE_INPUT, O = ROLE_OUTPUT;
	enum dtype act = k->act, wt = k->weight;
	int64_t w = k->width;
	int n = 0;
	switch (k->kind) {
	case KERNEL_EMBEDDING:
		out[n++] = per_t(I, DTYPE_I32, "tokens", 1);
		out[n++] = (struct kernel_binding_info){ I, wt, "table", 0, w, 0 };
		out[n++] = per_t(O, act, "y", w);
		break;
	case KERNEL_LAYER_NORM:
	case KERNEL_GROUP_NORM:
		out[n++] = per_t(I, act, "x", w);
		out[n++] = fixed(I, wt, "w", w);
		out[n++] = fixed(I, wt, "b", w);
		out[n++] = per_t(O, act, "y", w);
		break;
	case KERNEL_L2_NORM:
		out[n++] = per_t(I, act, "x", w);
		out[n++] = per_t(O, act, "y", w);
		break;
	case KERNEL_MATVEC:
		out[n++] = per_t(I, act, "x", k->k);
		out[n++] = (struct kernel_binding_info){ I, wt, "W", 0, k->k, 0 };
		if (k->residual)
			out[n++] = per_t(I, act, "residual", k->m);
		out[n++] = per_t(O, act, "y", k->m);
		break;
	case KERNEL_ELEMENTWISE:
		for (int i = 0; i < k->ew.n_in && i < EW_MAX_IN; i++) {
			enum ew_bcast bc = k->ew.bcast[i];
			out[n++] = bc == EW_FULL ? per_t(I, act, EW_NAMES[i], w)
						 : fixed(I, wt, EW_NAMES[i], bc == EW_ROW ? w : 1);
		}
		out[n++] = per_t(O, act, "y", w);
		break;
	case KERNEL_TOKEN_SHIFT:
		out[n++] = per_t(I, act, "x", w);
		out[n++] = fixed(I, DTYPE_F32, "prev", w);
		out[n++] = per_t(O, act, "y", w);
		break;
	case KERNEL_LAST_ROW:
		out[n++] = per_t(I, act, "x", w);
		out[n++] = fixed(O, DTYPE_F32, "y", w);
		break;
	case KERNEL_WKV7:
		for (int i = 0; i < 6; i++)
			out[n++] = per_t(I, act, WKV_IN[i], w);
		out[n++] = fixed(I, DTYPE_F32, "S", w * k->group);
		out[n++] = per_t(O, act, "y", w);
		out[n++] = fixed(O, DTYPE_F32, "S_out", w * k->group);
		break;
	case KERNEL_RK_BONUS:
		for (int i = 0; i < 3; i++)
			out[n++] = per_t(I, act, BONUS_IN[i], w);
		out[n++] = fixed(I, wt, "r_k", w);
		out[n++] = per_t(O, act, "y", w);
		break;
	case KERNEL_MIX:
		n = mix_bindings(k, out);
		break;
	case KERNEL_MATVEC_SET:
		for (int p = 0; p < k->set.n && p < MATVEC_SET_MAX && n + 4 <= KERNEL_MAX_BINDINGS; p++) {
			const struct matvec_part *pt = &k->set.part[p];
			out[n++] = per_t(I, act, SET_NAMES[p][0], pt->k);
			/* bound whole (a set's weights are never split in chunks) */
			out[n++] = fixed(I, pt->weight, SET_NAMES[p][1], pt->k * pt->m);
			if (pt->residual)
				out[n++] = per_t(I, act, SET_NAMES[p][2], pt->m);
			out[n++] = per_t(O, act, SET_NAMES[p][3], pt->m);
		}
		break;
	case KERNEL_HEAD_REGION:
		n = region_bindings(k, out);
		break;
	case KERNEL_COUNT:
		break;
	}
	return n;
}

bool kernel_binding_is_matrix(const struct kernel_desc *k, int b)
{
	if (k->kind == KERNEL_MATVEC)
		return b == 1;
	if (k->kind != KERNEL_MATVEC_SET)
		return false;
	int at = 0; /* x, W, [residual], y per part */
	for (int p = 0; p < k->set.n && p < MATVEC_SET_MAX; p++) {
		if (b == at + 1)
			return true;
		at += 3 + k->set.part[p].residual;
	}
	return false;
}

int64_t kernel_binding_numel(const struct kernel_binding_info *b, int64_t T, uint32_t rows)
{
	return b->per_token * T + b->per_row * (int64_t)rows + b->fixed;
}

int kernel_bindings(const struct kernel_desc *k, enum kernel_role out_roles[KERNEL_MAX_BINDINGS])
{
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int n = kernel_binding_info(k, info);
	for (int i = 0; out_roles && i < n; i++)
		out_roles[i] = info[i].role;
	return n;
}

void kernel_grid(const struct kernel_desc *k, const struct codegen_target *target, int64_t T, uint32_t rows,
		 uint32_t out_groups[3])
{
	out_groups[0] = out_groups[1] = out_groups[2] = 1;
	switch (k->kind) {
	case KERNEL_MATVEC:
		grid_matvec(k, target, T, rows, out_groups);
		break;
	case KERNEL_LAYER_NORM:
	case KERNEL_GROUP_NORM:
	case KERNEL_L2_NORM:
	case KERNEL_RK_BONUS:
		grid_norm(k, target, T, out_groups);
		break;
	case KERNEL_ELEMENTWISE:
		grid_elementwise(k, target, T, out_groups);
		break;
	case KERNEL_WKV7:
		grid_wkv7(k, out_groups);
		break;
	case KERNEL_EMBEDDING:
	case KERNEL_TOKEN_SHIFT:
	case KERNEL_LAST_ROW:
		grid_misc(k, target, T, out_groups);
		break;
	case KERNEL_MIX:
		grid_mix(k, target, T, out_groups);
		break;
	case KERNEL_MATVEC_SET:
		grid_matvec_set(k, target, out_groups);
		break;
	case KERNEL_HEAD_REGION:
		grid_region(k, out_groups);
		break;
	case KERNEL_COUNT:
		break;
	}
}

/* Sizes every kernel relies on. */
static enum rwkvc_status check_sizes(struct err *e, const struct kernel_desc *k, const char *name)
{
	if (k->t_max < 1 || k->t_max > (1 << 20))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': t_max %lld outside [1, 1048576]", name,
			       (long long)k->t_max);
	bool is_matvec = k->kind == KERNEL_MATVEC;
	int64_t w = is_matvec ? k->k : k->width;
	if (w < 1 || w > (1 << 24) || (is_matvec && (k->m < 1 || k->m > (1 << 24))))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s' (%s): width %lld / rows %lld out of range",
			       name, kernel_kind_name(k->kind), (long long)w, (long long)k->m);
	/* every index a kernel forms must fit in 32 bits */
	int64_t biggest = k->t_max * (is_matvec ? (k->k > k->m ? k->k : k->m) : k->width);
	if ((is_matvec || k->kind == KERNEL_EMBEDDING) && k->m * (is_matvec ? k->k : k->width) > biggest)
		biggest = k->m * (is_matvec ? k->k : k->width);
	if (biggest >= ((int64_t)1 << 32))
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (%s): %lld elements need 64-bit indexing",
			       name, kernel_kind_name(k->kind), (long long)biggest);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status codegen_emit(struct err *e, const struct kernel_desc *k, const struct codegen_target *target,
			       const char *name, char **out_glsl)
{
	*out_glsl = NULL;
	if (!name)
		name = kernel_kind_name(k->kind);
	if ((unsigned)k->kind >= KERNEL_COUNT)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': unknown kind %d", name, (int)k->kind);
	TRY(check_sizes(e, k, name));
	TRY(emit_check_dtypes(e, k, target, name));
	struct strbuf b;
	strbuf_init(&b, e);
	enum rwkvc_status st;
	switch (k->kind) {
	case KERNEL_MATVEC:
		st = emit_matvec(e, &b, k, target, name);
		break;
	case KERNEL_LAYER_NORM:
	case KERNEL_GROUP_NORM:
	case KERNEL_L2_NORM:
	case KERNEL_RK_BONUS:
		st = emit_norm(e, &b, k, target, name);
		break;
	case KERNEL_ELEMENTWISE:
		st = emit_elementwise(e, &b, k, target, name);
		break;
	case KERNEL_WKV7:
		st = emit_wkv7(e, &b, k, target, name);
		break;
	case KERNEL_MIX:
		st = emit_mix(e, &b, k, target, name);
		break;
	case KERNEL_MATVEC_SET:
		st = emit_matvec_set(e, &b, k, target, name);
		break;
	case KERNEL_HEAD_REGION:
		st = emit_region(e, &b, k, target, name);
		break;
	default:
		st = emit_misc(e, &b, k, target, name);
		break;
	}
	if (st == RWKVC_STATUS_OK)
		st = strbuf_status(&b);
	if (st != RWKVC_STATUS_OK) {
		strbuf_free(&b);
		return st;
	}
	*out_glsl = strbuf_take(&b);
	return RWKVC_STATUS_OK;
}
