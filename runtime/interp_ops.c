/*
 * interp_ops.c - reference implementations of the op kinds (see ops.def),
 * float32 in and out, float64 inside every sum. Written to be obviously
 * right; ../shared/notes/rwkv7-math.md is the specification.
 */
#include "interp_ops.h"

#include <math.h>
#include <string.h>

static double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

/* Broadcast read: a full tensor, one row repeated, or a scalar. */
static double bread(const struct ref_buf *b, int64_t i, int64_t row)
{
	if (b->numel == 1)
		return b->data[0];
	if (b->numel == row)
		return b->data[i % row];
	return b->data[i];
}

static void elementwise(const struct ref_args *a)
{
	int64_t n = a->out_numel[0], row = n / a->rows;
	const struct ref_buf *x = &a->in[0], *y = &a->in[1], *z = &a->in[2];
	float *o = a->out[0];
	for (int64_t i = 0; i < n; i++) {
		double u = bread(x, i, row), r;
		switch (a->op->kind) {
		case OP_ADD: r = u + bread(y, i, row); break;
		case OP_SUB: r = u - bread(y, i, row); break;
		case OP_MUL: r = u * bread(y, i, row); break;
		case OP_LERP: r = u + (bread(y, i, row) - u) * bread(z, i, row); break;
		case OP_TANH: r = tanh(u); break;
		case OP_SIGMOID: r = sigmoid(u); break;
		case OP_RELU_SQ: r = u > 0 ? u * u : 0; break;
		case OP_DECAY: r = exp(-0.60653065971263342 * sigmoid(u)); break; /* exp(-1/2) */
		default: r = u; break;                                            /* OP_COPY */
		}
		o[i] = (float)r;
	}
}

static enum rwkvc_status embedding(struct err *e, const struct ref_args *a)
{
	int64_t width = a->out_numel[0] / a->rows;
	int64_t vocab = a->in[1].numel / width;
	for (int64_t t = 0; t < a->rows; t++) {
		int32_t id = a->tokens[t];
		if (id < 0 || id >= vocab)
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
				       "token id %d at position %lld is outside the vocabulary [0, %lld)", id, (long long)t,
				       (long long)vocab);
		memcpy(a->out[0] + t * width, a->in[1].data + (int64_t)id * width, (size_t)width * sizeof(float));
	}
	return RWKVC_STATUS_OK;
}

/* Normalises groups of `group` values: (x - mean) / sqrt(var + eps) * w + b. */
static void norm_groups(const struct ref_args *a, int64_t group, double eps)
{
	int64_t n = a->out_numel[0];
	const float *x = a->in[0].data, *w = a->in[1].data, *b = a->in[2].data;
	int64_t width = n / a->rows;
	for (int64_t g0 = 0; g0 < n; g0 += group) {
		double mean = 0, var = 0;
		for (int64_t i = 0; i < group; i++)
			mean += x[g0 + i];
		mean /= (double)group;
		for (int64_t i = 0; i < group; i++)
			var += (x[g0 + i] - mean) * (x[g0 + i] - mean);
		var /= (double)group;
		double inv = 1.0 / sqrt(var + eps);
		for (int64_t i = 0; i < group; i++) {
			int64_t c = (g0 + i) % width;
			a->out[0][g0 + i] = (float)((x[g0 + i] - mean) * inv * w[c] + b[c]);
		}
	}
}

static void l2_norm(const struct ref_args *a, int64_t group, double eps)
{
	int64_t n = a->out_numel[0];
	const float *x = a->in[0].data;
	for (int64_t g0 = 0; g0 < n; g0 += group) {
		double ss = 0;
		for (int64_t i = 0; i < group; i++)
			ss += (double)x[g0 + i] * x[g0 + i];
		double norm = sqrt(ss);
		double d = norm > eps ? norm : eps;
		for (int64_t i = 0; i < group; i++)
			a->out[0][g0 + i] = (float)(x[g0 + i] / d);
	}
}

/* y[t, m] = sum_k W[m, k] x[t, k] (W stored [M, K]). */
static void linear(const struct ref_args *a)
{
	int64_t k_dim = a->in[0].numel / a->rows, m_dim = a->out_numel[0] / a->rows;
	const float *x = a->in[0].data, *w = a->in[1].data;
	for (int64_t m = 0; m < m_dim; m++) {
		const float *row = w + m * k_dim;
		for (int64_t t = 0; t < a->rows; t++) {
			const float *xt = x + t * k_dim;
			double acc = 0;
			for (int64_t k = 0; k < k_dim; k++)
				acc += (double)row[k] * xt[k];
			a->out[0][t * m_dim + m] = (float)acc;
		}
	}
}

/* y[t, m] = sum_k x[t, k] W[k, m] (W stored [K, M]). */
static enum rwkvc_status matmul(struct err *e, const struct ref_args *a)
{
	int64_t k_dim = a->in[0].numel / a->rows, m_dim = a->out_numel[0] / a->rows;
	const float *x = a->in[0].data, *w = a->in[1].data;
	double *acc = mem_alloc(e, (size_t)m_dim * sizeof *acc, "matmul accumulator");
	if (!acc)
		return e->status;
	for (int64_t t = 0; t < a->rows; t++) {
		memset(acc, 0, (size_t)m_dim * sizeof *acc);
		for (int64_t k = 0; k < k_dim; k++) {
			double xk = x[t * k_dim + k];
			const float *row = w + k * m_dim;
			for (int64_t m = 0; m < m_dim; m++)
				acc[m] += xk * row[m];
		}
		for (int64_t m = 0; m < m_dim; m++)
			a->out[0][t * m_dim + m] = (float)acc[m];
	}
	mem_free(acc);
	return RWKVC_STATUS_OK;
}

static void token_shift(const struct ref_args *a)
{
	int64_t width = a->out_numel[0] / a->rows;
	memcpy(a->out[0], a->in[1].data, (size_t)width * sizeof(float));
	if (a->rows > 1)
		memcpy(a->out[0] + width, a->in[0].data, (size_t)((a->rows - 1) * width) * sizeof(float));
}

void ref_wkv7_head_step(float *S, int n, const float *r, const float *w, const float *k, const float *v,
			const float *kk, const float *a, float *y)
{
	for (int i = 0; i < n; i++) {
		float *row = S + (size_t)i * (size_t)n;
		double sa = 0;
		for (int j = 0; j < n; j++)
			sa -= (double)row[j] * kk[j];
		double acc = 0;
		for (int j = 0; j < n; j++) {
			double s = (double)row[j] * w[j] + sa * ((double)kk[j] * a[j]) + (double)v[i] * k[j];
			row[j] = (float)s;
			acc += (double)row[j] * r[j];
		}
		y[i] = (float)acc;
	}
}

/* Inputs r, w, k, v, kk, a [T, C] and the state [H, N, N]; the new state goes to out[1]. */
static void wkv7(const struct ref_args *a)
{
	int64_t width = a->out_numel[0] / a->rows;
	int64_t state_numel = a->in[6].numel;
	int n = (int)(state_numel / width);
	int64_t heads = width / n;
	float *S = a->out[1];
	memcpy(S, a->in[6].data, (size_t)state_numel * sizeof(float));
	for (int64_t t = 0; t < a->rows; t++) {
		for (int64_t h = 0; h < heads; h++) {
			int64_t o = t * width + h * n;
			ref_wkv7_head_step(S + h * n * n, n, a->in[0].data + o, a->in[1].data + o, a->in[2].data + o,
					   a->in[3].data + o, a->in[4].data + o, a->in[5].data + o, a->out[0] + o);
		}
	}
}

/* Per head: (sum_j r_j k_j r_k[h, j]) * v. */
static void rk_bonus(const struct ref_args *a)
{
	int64_t width = a->out_numel[0] / a->rows;
	const float *rk = a->in[3].data;
	const struct tensor *rk_t = &a->g->tensors[a->op->in[3]];
	int64_t n = dim_value(a->g, rk_t->shape.d[rk_t->shape.rank - 1], 0);
	for (int64_t t = 0; t < a->rows; t++) {
		for (int64_t h0 = 0; h0 < width; h0 += n) {
			const float *r = a->in[0].data + t * width + h0, *k = a->in[1].data + t * width + h0;
			const float *v = a->in[2].data + t * width + h0;
			double s = 0;
			for (int64_t j = 0; j < n; j++)
				s += (double)r[j] * k[j] * rk[h0 + j];
			for (int64_t j = 0; j < n; j++)
				a->out[0][t * width + h0 + j] = (float)(s * v[j]);
		}
	}
}

enum rwkvc_status ref_run_op(struct err *e, const struct ref_args *a)
{
	const struct op *op = a->op;
	switch (op->kind) {
	case OP_EMBEDDING:
		return embedding(e, a);
	case OP_LAYER_NORM:
		norm_groups(a, a->out_numel[0] / a->rows, op->param[0]);
		return RWKVC_STATUS_OK;
	case OP_GROUP_NORM:
		norm_groups(a, (int64_t)op->param[0], op->param[1]);
		return RWKVC_STATUS_OK;
	case OP_L2_NORM:
		l2_norm(a, (int64_t)op->param[0], op->param[1]);
		return RWKVC_STATUS_OK;
	case OP_LINEAR:
		linear(a);
		return RWKVC_STATUS_OK;
	case OP_MATMUL:
		return matmul(e, a);
	case OP_TOKEN_SHIFT:
		token_shift(a);
		return RWKVC_STATUS_OK;
	case OP_LAST_ROW: {
		int64_t width = a->out_numel[0];
		memcpy(a->out[0], a->in[0].data + (a->rows - 1) * width, (size_t)width * sizeof(float));
		return RWKVC_STATUS_OK;
	}
	case OP_WKV7:
		wkv7(a);
		return RWKVC_STATUS_OK;
	case OP_RK_BONUS:
		rk_bonus(a);
		return RWKVC_STATUS_OK;
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_LERP: case OP_TANH:
	case OP_SIGMOID: case OP_RELU_SQ: case OP_DECAY: case OP_COPY:
		elementwise(a);
		return RWKVC_STATUS_OK;
	case OP_COUNT:
		break;
	}
	return err_set(e, RWKVC_STATUS_UNSUPPORTED, "no reference implementation for op %d", (int)op->kind);
}
