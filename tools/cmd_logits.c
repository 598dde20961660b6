/* cmd_logits.c - `rwkvc logits`: the logits of a token sequence, as raw float32. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rwkvc.h"
#include "util.h"

/* Without --check-finite the logits are written as they are, but not silently. */
static void warn_not_finite(const char *cmd, const float *x, size_t n)
{
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += !isfinite(x[i]);
	if (bad)
		fprintf(stderr, "rwkvc %s: warning: %zu of %zu logits are NaN or Inf; --check-finite says where they "
				"arise\n", cmd, bad, n);
}

int cmd_logits(int argc, char **argv)
{
	const char *weights = NULL, *tokens_arg = NULL, *out_path = NULL, *backend = "auto", *dtype = "f32";
	const char *graph = NULL, *quant = NULL;
	bool last = false, verbose = false, no_fuse = false, check_finite = false;
	struct cli_option opts[] = {
		{ "weights", 'w', CLI_STRING, &weights, "FILE", "model weights (.safetensors or .gguf)" },
		{ "tokens", 't', CLI_STRING, &tokens_arg, "IDS", "token ids, comma-separated: 0,510,3" },
		{ "out", 'o', CLI_STRING, &out_path, "FILE", "write logits here: little-endian float32 [T, V]; "
							      "without it, print the top 5 of the last position" },
		{ "last", 0, CLI_FLAG, &last, NULL, "only the last position: [V]" },
		{ "backend", 'b', CLI_STRING, &backend, "NAME", "cpu, vulkan or auto (default auto)" },
		{ "dtype", 0, CLI_STRING, &dtype, "TYPE", "f32 or f16 weights and activations (vulkan; default f32)" },
		{ "quant", 0, CLI_STRING, &quant, "TYPE", UTIL_QUANT_HELP },
		{ "graph", 'g', CLI_STRING, &graph, "FILE", "op graph YAML (default: the built-in RWKV-7 graph)" },
		{ "no-fuse", 0, CLI_FLAG, &no_fuse, NULL, "one kernel per op (vulkan; for comparisons)" },
		{ "check-finite", 0, CLI_FLAG, &check_finite, NULL, "fail on a NaN or Inf in the logits or state, "
									"naming the token and the layer it arose in" },
		{ "verbose", 'v', CLI_FLAG, &verbose, NULL, "print the model's shape and the time taken (stderr)" },
	};
	struct cli_command cmd = { "logits", "rwkvc logits --weights M --tokens 1,2,3 [--out FILE] [options]",
				   "Runs the tokens through the model, as one sequence from the zero state, and writes\n"
				   "the logits of every position (row t predicts token t+1).",
				   opts, (int)(sizeof opts / sizeof opts[0]), 0, { 0 }, 0 };
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	if (!weights)
		return cli_usage_error(cmd.name, "--weights is required");
	if (!tokens_arg)
		return cli_usage_error(cmd.name, "--tokens is required");
	struct model_options_arg mo = { graph, weights, backend, dtype, quant };
	struct rwkvc_model_options o;
	if ((r = util_model_options(cmd.name, &mo, &o)) >= 0)
		return r;
	o.no_fuse = no_fuse;
	int32_t *tokens;
	size_t n;
	if (!cli_parse_int_list(cmd.name, "--tokens", tokens_arg, &tokens, &n))
		return CLI_EXIT_USAGE;
	if (n == 0) {
		free(tokens);
		return cli_usage_error(cmd.name, "--tokens is empty");
	}
	struct util_session us;
	if ((r = util_open_session(cmd.name, &o, &us)) >= 0) {
		free(tokens);
		return r;
	}
	size_t vocab = (size_t)us.info.vocab, rows = last ? 1 : n;
	if (verbose)
		util_print_model(stderr, &us.info);
	float *logits = malloc(rows * vocab * sizeof *logits);
	r = CLI_EXIT_FAIL;
	unsigned eval_flags = (last ? RWKVC_EVAL_LAST : RWKVC_EVAL_ALL) | (check_finite ? RWKVC_EVAL_CHECK_FINITE : 0);
	double t0 = util_now();
	if (!logits) {
		cli_fail(cmd.name, "out of memory for %zu x %zu logits", rows, vocab);
	} else if (rwkvc_session_eval(us.session, tokens, n, eval_flags, logits)) {
		cli_fail(cmd.name, "%s", rwkvc_errmsg(us.ctx));
	} else {
		if (verbose)
			util_print_rate(stderr, "evaluated", n, util_now() - t0);
		warn_not_finite(cmd.name, logits, rows * vocab);
		if (out_path) {
			r = util_write_floats(cmd.name, out_path, logits, rows * vocab) ? CLI_EXIT_OK : CLI_EXIT_FAIL;
		} else {
			printf("top logits after the last token:\n");
			util_print_top(stdout, logits + (rows - 1) * vocab, vocab, 5);
			r = CLI_EXIT_OK;
		}
	}
	free(logits);
	free(tokens);
	util_close_session(&us);
	return r;
}
