/* cmd_compile.c - `rwkvc compile`: a model graph -> a plan file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "plan_cli.h"
#include "rwkvc.h"

int cmd_compile(int argc, char **argv)
{
	struct plan_cli_args a;
	memset(&a, 0, sizeof a);
	const char *out = NULL;
	struct cli_option opts[PLAN_CLI_N_OPTIONS + 1];
	plan_cli_option_table(&a, opts);
	opts[PLAN_CLI_N_OPTIONS] = (struct cli_option){ "out", 'o', CLI_STRING, &out, "FILE", "the plan file to write" };
	struct cli_command cmd = { "compile",
				   "rwkvc compile [GRAPH.yaml] (--weights M | --preset NAME) [--dtype f32|f16] [--quant T]\n"
				   "       [--t-max N] [--no-fuse] [--disable-pass NAME]... [--print-after PASS] [-v] -o X.plan",
				   "Runs the compiler passes (fuse, lower, memplan, schedule) on the op graph (default: the\n"
				   "built-in RWKV-7 graph) with the sizes of a weights file or a preset, and writes the plan:\n"
				   "the graph, the kernels with their SPIR-V, the buffer map and the barriers. Run it with\n"
				   "rwkvc_model_options.plan_path; look at it with `rwkvc dump`.",
				   opts, PLAN_CLI_N_OPTIONS + 1, 1, { 0 }, 0 };
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	if (!out)
		return cli_usage_error(cmd.name, "-o FILE is required");
	a.graph = cmd.n_positional ? cmd.positional[0] : NULL;
	struct rwkvc_plan_options o;
	if ((r = plan_cli_options(cmd.name, &a, &o)) >= 0)
		return r;
	rwkvc_ctx_t *ctx;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(cmd.name, "out of memory");
	rwkvc_plan_t *plan = NULL;
	r = CLI_EXIT_OK;
	enum rwkvc_status st = rwkvc_plan_compile(ctx, &o, &plan);
	if (!st) {
		plan_cli_print_log(plan);
		st = rwkvc_plan_save(plan, out);
	}
	if (st)
		r = plan_cli_exit(cmd.name, ctx, st);
	else if (a.verbose)
		fprintf(stderr, "wrote %s\n", out);
	rwkvc_plan_destroy(plan);
	rwkvc_ctx_destroy(ctx);
	return r;
}
