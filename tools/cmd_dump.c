/* cmd_dump.c - `rwkvc dump`: a plan as text, YAML, JSON, DOT or GLSL. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "plan_cli.h"
#include "rwkvc.h"

/* Writes the text to `path` or stdout; false (message printed) on failure. */
static bool write_out(const char *cmd, const char *path, const char *text)
{
	FILE *f = path ? fopen(path, "w") : stdout;
	bool ok = f && fputs(text, f) >= 0;
	if (path && f && fclose(f) != 0)
		ok = false;
	if (!ok)
		cli_fail(cmd, "cannot write %s", path ? path : "standard output");
	return ok;
}

int cmd_dump(int argc, char **argv)
{
	struct plan_cli_args a;
	memset(&a, 0, sizeof a);
	const char *format = "text", *out = NULL, *graph = NULL;
	struct cli_option opts[PLAN_CLI_N_OPTIONS + 3];
	plan_cli_option_table(&a, opts);
	opts[PLAN_CLI_N_OPTIONS] = (struct cli_option){ "format", 'f', CLI_STRING, &format, "F",
							"text (default), yaml, json, dot or glsl" };
	opts[PLAN_CLI_N_OPTIONS + 1] = (struct cli_option){ "graph", 'g', CLI_STRING, &graph, "FILE",
							    "with --weights/--preset: the op graph YAML (default built-in)" };
	opts[PLAN_CLI_N_OPTIONS + 2] = (struct cli_option){ "out", 'o', CLI_STRING, &out, "FILE",
							    "write here instead of standard output" };
	struct cli_command cmd = { "dump",
				   "rwkvc dump X.plan [--format text|yaml|json|dot|glsl] [-o FILE]\n"
				   "       rwkvc dump (--preset NAME | --weights M) [compile options] [--format F]",
				   "Shows a plan like SQLite's EXPLAIN: the kernels in dispatch order with the graph ops each\n"
				   "covers, shapes, bytes per token and the barriers; the buffer map; totals per token and per\n"
				   "layer. Without a plan file it compiles one in memory first. docs/plan-dump.md explains\n"
				   "every field.",
				   opts, PLAN_CLI_N_OPTIONS + 3, 1, { 0 }, 0 };
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	const char *plan_path = cmd.n_positional ? cmd.positional[0] : NULL;
	struct rwkvc_plan_options o;
	if (plan_path && (a.weights || a.preset))
		return cli_usage_error(cmd.name, "give a plan file or --weights/--preset, not both");
	if (!plan_path) {
		a.graph = graph;
		if (!a.target) /* only GLSL needs code; making it for a device is the slow part of compiling */
			a.target = strcmp(format, "glsl") == 0 ? "generic" : "none";
		if ((r = plan_cli_options(cmd.name, &a, &o)) >= 0)
			return r;
	}
	rwkvc_ctx_t *ctx;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(cmd.name, "out of memory");
	rwkvc_plan_t *plan = NULL;
	char *text = NULL;
	r = CLI_EXIT_OK;
	enum rwkvc_status st = plan_path ? rwkvc_plan_load(ctx, plan_path, &plan) : rwkvc_plan_compile(ctx, &o, &plan);
	if (!st) {
		plan_cli_print_log(plan);
		st = rwkvc_plan_dump(plan, format, &text);
	}
	if (st)
		r = plan_cli_exit(cmd.name, ctx, st);
	else if (!write_out(cmd.name, out, text))
		r = CLI_EXIT_FAIL;
	rwkvc_free(text);
	rwkvc_plan_destroy(plan);
	rwkvc_ctx_destroy(ctx);
	return r;
}
