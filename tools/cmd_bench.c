/*
 * cmd_bench.c - `rwkvc bench`: prefill and decode speed of a model, next to
 * the physical limit measured in the same run (weight bytes read per token /
 * the device's streaming read bandwidth).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rwkvc.h"
#include "util.h"

struct bench_args {
	int64_t prompt, tokens, repeat, seed;
	bool json;
};

struct bench_result {
	double load_s, prefill_tok_s, decode_tok_s, decode_ms, gbps;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *x, int n)
{
	qsort(x, (size_t)n, sizeof *x, cmp_double);
	return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

/* Random token ids (not 0, the end of text) from a fixed seed. */
static void random_tokens(int32_t *t, size_t n, int vocab, uint64_t seed)
{
	uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
	for (size_t i = 0; i < n; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		t[i] = 1 + (int32_t)(s % (uint64_t)(vocab > 1 ? vocab - 1 : 1));
	}
}

/* Times `repeat` prefills of the prompt and decodes of `tokens` tokens; medians. */
static int measure(const char *cmd, struct util_session *us, const struct bench_args *a, struct bench_result *r)
{
	size_t np = (size_t)a->prompt, nd = (size_t)a->tokens;
	int32_t *toks = malloc((np + nd) * sizeof *toks);
	float *logits = malloc((size_t)us->info.vocab * sizeof *logits);
	double *pre = calloc((size_t)a->repeat, sizeof *pre), *dec = calloc((size_t)a->repeat, sizeof *dec);
	int rc = CLI_EXIT_FAIL;
	if (!toks || !logits || !pre || !dec) {
		cli_fail(cmd, "out of memory");
		goto done;
	}
	random_tokens(toks, np + nd, us->info.vocab, (uint64_t)a->seed);
	/* warm-up: records the programs for the prompt's chunk sizes and for decode */
	if (rwkvc_session_eval(us->session, toks, np, RWKVC_EVAL_LAST, logits) ||
	    rwkvc_session_eval(us->session, toks + np, 1, RWKVC_EVAL_LAST, logits)) {
		cli_fail(cmd, "%s", rwkvc_errmsg(us->ctx));
		goto done;
	}
	for (int64_t k = 0; k < a->repeat; k++) {
		rwkvc_state_reset(us->session);
		double t0 = util_now();
		if (rwkvc_session_eval(us->session, toks, np, RWKVC_EVAL_LAST, logits)) {
			cli_fail(cmd, "%s", rwkvc_errmsg(us->ctx));
			goto done;
		}
		double t1 = util_now();
		for (size_t i = 0; i < nd; i++) {
			if (rwkvc_session_eval(us->session, toks + np + i, 1, RWKVC_EVAL_LAST, logits)) {
				cli_fail(cmd, "%s", rwkvc_errmsg(us->ctx));
				goto done;
			}
		}
		double t2 = util_now();
		pre[k] = (double)np / (t1 - t0);
		dec[k] = (t2 - t1) / (double)nd;
	}
	r->prefill_tok_s = median(pre, (int)a->repeat);
	r->decode_ms = median(dec, (int)a->repeat) * 1e3;
	r->decode_tok_s = 1e3 / r->decode_ms;
	rc = -1;
done:
	free(toks);
	free(logits);
	free(pre);
	free(dec);
	return rc;
}

static void device_line(rwkvc_ctx_t *ctx, char *out, size_t n)
{
	int count = 0;
	snprintf(out, n, "unknown");
	if (rwkvc_device_count(ctx, &count))
		return;
	for (int i = 0; i < count; i++) {
		struct rwkvc_device_info d;
		if (!rwkvc_device_get_info(ctx, i, &d) && d.selected)
			snprintf(out, n, "%s (%s, driver %s %s, Vulkan %d.%d.%d)", d.name, d.type, d.driver_name,
				 d.driver_info, d.api_major, d.api_minor, d.api_patch);
	}
}

static void report(FILE *f, const struct bench_args *a, const struct util_session *us, const struct bench_result *r,
		   const char *device, const char *dtype, const char *quant)
{
	const struct rwkvc_model_info *i = &us->info;
	double limit = r->gbps > 0 ? r->gbps * 1e9 / (double)i->weight_bytes : 0;
	if (a->json) {
		fprintf(f,
			"{\"device\": \"%s\", \"layers\": %d, \"embd\": %d, \"vocab\": %d, \"dtype\": \"%s\", \"quant\": \"%s\", "
			"\"kernels_per_token\": %d, \"barriers_per_token\": %d, \"weight_bytes_per_token\": %llu, "
			"\"load_s\": %.3f, \"prompt_tokens\": %lld, \"prefill_tok_s\": %.2f, \"decode_tokens\": %lld, "
			"\"decode_ms_per_token\": %.4f, \"decode_tok_s\": %.2f, \"read_gb_s\": %.1f, \"limit_tok_s\": %.1f}\n",
			device, i->n_layer, i->n_embd, i->vocab, dtype, quant ? quant : "none", i->kernels, i->barriers,
			(unsigned long long)i->weight_bytes, r->load_s, (long long)a->prompt, r->prefill_tok_s,
			(long long)a->tokens, r->decode_ms, r->decode_tok_s, r->gbps, limit);
		return;
	}
	fprintf(f, "device:   %s\n", device);
	fprintf(f, "model:    %d layers x %d, vocab %d, %s%s%s; %d kernels and %d barriers per token\n", i->n_layer,
		i->n_embd, i->vocab, dtype, quant ? ", matrices " : "", quant ? quant : "", i->kernels, i->barriers);
	fprintf(f, "weights:  %.1f MB read per token; loaded in %.2f s\n", (double)i->weight_bytes / 1e6, r->load_s);
	fprintf(f, "prefill:  %lld tokens: %.1f tok/s (median of %lld)\n", (long long)a->prompt, r->prefill_tok_s,
		(long long)a->repeat);
	fprintf(f, "decode:   %lld tokens: %.3f ms/token = %.1f tok/s (median of %lld)\n", (long long)a->tokens,
		r->decode_ms, r->decode_tok_s, (long long)a->repeat);
	if (r->gbps > 0)
		fprintf(f, "limit:    %.0f GB/s read bandwidth measured -> %.1f tok/s; decode runs at %.0f%% of it\n",
			r->gbps, limit, 100 * r->decode_tok_s / limit);
}

/* The per-kernel profile of a decode step (T = 1) and of a full prefill chunk. */
static int print_profiles(const char *cmd, struct util_session *us, size_t chunk)
{
	size_t sizes[2] = { 1, chunk };
	for (int i = 0; i < (chunk > 1 ? 2 : 1); i++) {
		char *text;
		if (rwkvc_session_profile(us->session, sizes[i], &text))
			return cli_fail(cmd, "%s", rwkvc_errmsg(us->ctx));
		printf("\n%s", text);
		rwkvc_free(text);
	}
	return CLI_EXIT_OK;
}

int cmd_bench(int argc, char **argv)
{
	const char *weights = NULL, *preset = NULL, *backend = "auto", *dtype = "f32", *graph = NULL, *quant = NULL;
	int64_t t_max = 0;
	bool no_fuse = false, profile = false;
	struct bench_args a = { 128, 128, 3, 1, false };
	struct cli_option opts[] = {
		{ "weights", 'w', CLI_STRING, &weights, "FILE", "model weights (.safetensors or .gguf)" },
		{ "preset", 'p', CLI_STRING, &preset, "NAME", "random weights of an official shape, made in memory: "
								"0.1b, 0.4b, 1.5b, 2.9b, 7.2b" },
		{ "backend", 'b', CLI_STRING, &backend, "NAME", "cpu, vulkan or auto (default auto)" },
		{ "dtype", 0, CLI_STRING, &dtype, "TYPE", "f32 or f16 weights and activations (default f32)" },
		{ "quant", 0, CLI_STRING, &quant, "TYPE", UTIL_QUANT_HELP },
		{ "prompt", 0, CLI_INT, &a.prompt, "N", "prefill tokens (default 128)" },
		{ "tokens", 'n', CLI_INT, &a.tokens, "N", "decode tokens (default 128)" },
		{ "repeat", 'r', CLI_INT, &a.repeat, "N", "timed repetitions; medians are reported (default 3)" },
		{ "seed", 's', CLI_INT, &a.seed, "S", "seed of the random weights and tokens (default 1)" },
		{ "t-max", 0, CLI_INT, &t_max, "N", "tokens per recorded prefill call (default 16)" },
		{ "no-fuse", 0, CLI_FLAG, &no_fuse, NULL, "one kernel per op (to compare with the fused plan)" },
		{ "graph", 'g', CLI_STRING, &graph, "FILE", "op graph YAML (default: the built-in RWKV-7 graph)" },
		{ "json", 0, CLI_FLAG, &a.json, NULL, "one JSON object instead of text" },
		{ "profile", 0, CLI_FLAG, &profile, NULL, "also time every kernel of a decode step and of a prefill chunk" },
	};
	struct cli_command cmd = { "bench", "rwkvc bench (--weights M | --preset NAME) [--dtype f16] [--quant q4_k] [options]",
				   "Measures prefill and decode speed, and the device's read bandwidth in the same\n"
				   "run: decode cannot beat (weight bytes per token / bandwidth).",
				   opts, (int)(sizeof opts / sizeof opts[0]), 0, { 0 }, 0 };
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	if (!weights == !preset)
		return cli_usage_error(cmd.name, "give --weights FILE or --preset NAME");
	if (a.prompt < 1 || a.tokens < 1 || a.repeat < 1 || a.prompt > 1 << 20 || a.tokens > 1 << 20 || a.repeat > 1000)
		return cli_usage_error(cmd.name, "--prompt, --tokens and --repeat must be positive (and sane)");
	struct model_options_arg mo = { graph, weights, backend, dtype, quant };
	struct rwkvc_model_options o;
	if ((r = util_model_options(cmd.name, &mo, &o)) >= 0)
		return r;
	struct rwkvc_random_model spec;
	memset(&spec, 0, sizeof spec);
	spec.preset = preset;
	spec.seed = (uint64_t)a.seed;
	spec.dtype = "f16";
	spec.graph_path = graph;
	if (preset)
		o.random = &spec;
	o.t_max = (int)t_max;
	o.no_fuse = no_fuse;
	struct bench_result res = { 0 };
	double t0 = util_now();
	struct util_session us;
	if ((r = util_open_session(cmd.name, &o, &us)) >= 0)
		return r;
	res.load_s = util_now() - t0;
	char device[1024];
	if (strcmp(us.info.backend, "cpu") == 0)
		snprintf(device, sizeof device, "cpu (the reference interpreter)");
	else
		device_line(us.ctx, device, sizeof device);
	r = measure(cmd.name, &us, &a, &res);
	if (r < 0) {
		if (strcmp(us.info.backend, "cpu") != 0 && rwkvc_model_measure_bandwidth(us.model, &res.gbps))
			fprintf(stderr, "rwkvc bench: no bandwidth figure: %s\n", rwkvc_errmsg(us.ctx));
		report(stdout, &a, &us, &res, device, dtype, quant);
		r = CLI_EXIT_OK;
		if (profile)
			r = print_profiles(cmd.name, &us, t_max > 0 ? (size_t)t_max : 16);
	}
	util_close_session(&us);
	return r;
}
