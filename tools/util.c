/* util.c - see util.h. */
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

int util_model_options(const char *cmd, const struct model_options_arg *a, struct rwkvc_model_options *out)
{
	*out = rwkvc_model_options_default();
	out->graph_path = a->graph;
	out->weights_path = a->weights;
	out->quant = a->quant;
	if (!a->backend || strcmp(a->backend, "auto") == 0)
		out->backend = RWKVC_BACKEND_AUTO;
	else if (strcmp(a->backend, "cpu") == 0)
		out->backend = RWKVC_BACKEND_CPU;
	else if (strcmp(a->backend, "vulkan") == 0)
		out->backend = RWKVC_BACKEND_VULKAN;
	else
		return cli_usage_error(cmd, "unknown backend '%s' (cpu, vulkan or auto)", a->backend);
	static const char *const quants[] = { "f32", "f16", "q8_0", "q4_k" };
	bool known = !a->quant;
	for (size_t i = 0; i < sizeof quants / sizeof quants[0]; i++)
		known = known || strcmp(a->quant, quants[i]) == 0;
	if (!known)
		return cli_usage_error(cmd, "--quant '%s' is not one of f32, f16, q8_0, q4_k", a->quant);
	if (!a->dtype || strcmp(a->dtype, "f32") == 0)
		out->precision = RWKVC_PRECISION_F32;
	else if (strcmp(a->dtype, "f16") == 0)
		out->precision = RWKVC_PRECISION_F16;
	else
		return cli_usage_error(cmd, "unknown dtype '%s' (f32 or f16)", a->dtype);
	return -1;
}

int util_open_session(const char *cmd, const struct rwkvc_model_options *o, struct util_session *out)
{
	memset(out, 0, sizeof *out);
	if (rwkvc_ctx_create(&out->ctx))
		return cli_fail(cmd, "out of memory");
	if (rwkvc_model_load(out->ctx, o, &out->model) || rwkvc_session_create(out->model, &out->session)) {
		cli_fail(cmd, "%s", rwkvc_errmsg(out->ctx));
		util_close_session(out);
		return CLI_EXIT_FAIL;
	}
	rwkvc_model_get_info(out->model, &out->info);
	return -1;
}

void util_close_session(struct util_session *s)
{
	rwkvc_session_destroy(s->session);
	rwkvc_model_destroy(s->model);
	rwkvc_ctx_destroy(s->ctx);
	memset(s, 0, sizeof *s);
}

bool util_write_floats(const char *cmd, const char *path, const float *x, size_t n)
{
	/* the format is little-endian; on a big-endian host the bytes would need swapping */
	const uint16_t probe = 1;
	if (*(const uint8_t *)&probe != 1) {
		cli_fail(cmd, "writing float32 files on a big-endian host is not supported");
		return false;
	}
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	bool ok = f && fwrite(x, sizeof *x, n, f) == n;
	if (f && fclose(f) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		remove(tmp);
		cli_fail(cmd, "cannot write %s", path);
	}
	return ok;
}

void util_print_top(FILE *f, const float *x, size_t n, int k)
{
	size_t best[16];
	if (k > 16)
		k = 16;
	int have = 0;
	for (size_t i = 0; i < n; i++) {
		int pos = have;
		while (pos > 0 && x[best[pos - 1]] < x[i])
			pos--;
		if (pos >= k)
			continue;
		if (have < k)
			have++;
		memmove(best + pos + 1, best + pos, (size_t)(have - 1 - pos) * sizeof *best);
		best[pos] = i;
	}
	for (int j = 0; j < have; j++)
		fprintf(f, "  token %6zu  logit %9.4f\n", best[j], x[best[j]]);
}

char *util_read_input(const char *cmd, const char *what, const char *path, size_t *out_len)
{
	bool from_stdin = strcmp(path, "-") == 0;
	const char *src = from_stdin ? "stdin" : path;
	FILE *f = from_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		cli_fail(cmd, "cannot open %s (%s): %s", path, what, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			cli_fail(cmd, "out of memory reading %s from %s", what, src);
			break;
		}
		len += fread(buf + len, 1, cap - 1 - len, f); /* room for the NUL */
		if (ferror(f)) {
			cli_fail(cmd, "cannot read %s from %s", what, src);
			free(buf);
			buf = NULL;
			break;
		}
		if (len < cap - 1) { /* end of input */
			buf[len] = 0;
			break;
		}
		char *bigger = realloc(buf, cap *= 2);
		if (!bigger)
			free(buf);
		buf = bigger;
	}
	if (!from_stdin)
		fclose(f);
	*out_len = len;
	return buf;
}

double util_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void util_print_rate(FILE *f, const char *what, size_t tokens, double seconds)
{
	fprintf(f, "%s %zu token%s in %.1f ms (%.1f tok/s)\n", what, tokens, tokens == 1 ? "" : "s", seconds * 1e3,
		seconds > 0 ? (double)tokens / seconds : 0.0);
}

void util_print_model(FILE *f, const struct rwkvc_model_info *i)
{
	fprintf(f, "model: %d layers x %d, %d heads of %d, vocab %d, ffn %d, LoRA ranks %d/%d/%d/%d (backend: %s)\n",
		i->n_layer, i->n_embd, i->n_head, i->head_size, i->vocab, i->ffn, i->lora_decay, i->lora_iclr,
		i->lora_value, i->lora_gate, i->backend);
}
