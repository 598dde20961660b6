/*
 * cmd_test_ops.c - `rwkvc test-ops`: the differential kernel test (every
 * kernel on the Vulkan device against the C reference; see rwkvc.h,
 * "Diagnostics"). Exit 0 when every run passes, 1 on any failure.
 */
#include <stdio.h>

#include "cli.h"
#include "rwkvc.h"

static const char *const CMD = "test-ops";

static void print_line(void *user, const char *line)
{
	(void)user;
	puts(line);
	fflush(stdout); /* slow devices: show progress as it comes */
}

int cmd_test_ops(int argc, char **argv)
{
	bool perf = false, quick = false, list = false;
	const char *filter = NULL;
	int64_t reps = 0;
	struct cli_option opts[] = {
		{ "filter", 0, CLI_STRING, &filter, "SUBSTR", "only runs whose name contains SUBSTR (e.g. 'matvec', 'T=1 ')" },
		{ "perf", 0, CLI_FLAG, &perf, NULL, "also print GPU microseconds per run; adds the real model shapes" },
		{ "reps", 0, CLI_INT, &reps, "N", "runs per timing with --perf (default 20)" },
		{ "quick", 0, CLI_FLAG, &quick, NULL, "a representative subset" },
		{ "list", 0, CLI_FLAG, &list, NULL, "only list the runs" },
	};
	struct cli_command cmd = {
		.name = CMD,
		.usage = "rwkvc test-ops [--filter SUBSTR] [--perf [--reps N]] [--quick] [--list]",
		.summary = "Run every GPU kernel against its C reference over several shapes and storage types\n"
			   "(random inputs, NaN-poisoned outputs, relative L2 error against a bound per run).\n"
			   "RWKVC_DEVICE=N picks the device; RWKVC_VALIDATE=1 adds the validation layer, and any\n"
			   "message it prints fails the run.",
		.options = opts,
		.n_options = sizeof opts / sizeof opts[0],
	};
	int rc = cli_parse(&cmd, argc, argv);
	if (rc >= 0)
		return rc;
	if (reps < 0 || reps > 1000)
		return cli_usage_error(CMD, "--reps %lld: between 1 and 1000", (long long)reps);
	rwkvc_ctx_t *ctx;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(CMD, "out of memory");
	struct rwkvc_test_ops_options o = { .filter = filter, .quick = quick, .perf = perf, .perf_reps = (int)reps,
					    .list = list, .print = print_line };
	struct rwkvc_test_ops_summary sum;
	rc = CLI_EXIT_OK;
	if (rwkvc_test_ops(ctx, &o, &sum))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	else if (!list && sum.cases == 0)
		rc = cli_fail(CMD, "no run matches '%s' (see --list)", filter ? filter : "");
	else if (sum.failed || sum.validation_messages)
		rc = CLI_EXIT_FAIL;
	rwkvc_ctx_destroy(ctx);
	return rc;
}
