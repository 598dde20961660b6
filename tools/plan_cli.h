/* plan_cli.h - the options `rwkvc compile` and `rwkvc dump` share. */
#ifndef RWKVC_TOOLS_PLAN_CLI_H
#define RWKVC_TOOLS_PLAN_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "cli.h"
#include "rwkvc.h"

struct plan_cli_args {
	const char *graph, *weights, *preset, *quant, *dtype, *target, *print_after;
	int64_t t_max;
	bool no_fuse, verbose;
	struct cli_strings disable;
	const char *disable_all[CLI_MAX_REPEAT + 1]; /* storage for --no-fuse + the list */
};

/* The shared options, to copy into a command's option table (PLAN_CLI_N_OPTIONS entries). */
enum { PLAN_CLI_N_OPTIONS = 10 };
void plan_cli_option_table(struct plan_cli_args *a, struct cli_option out[PLAN_CLI_N_OPTIONS]);

/* Fills `out` from the arguments; -1 on success, else an exit status (usage error printed). */
int plan_cli_options(const char *cmd, struct plan_cli_args *a, struct rwkvc_plan_options *out);

/* The exit status for a failed library call, message printed: a bad argument
 * (an unknown pass or format, a bad --t-max) is a usage error (2), the rest 1. */
int plan_cli_exit(const char *cmd, rwkvc_ctx_t *ctx, enum rwkvc_status st);

/* Prints the plan's report (stderr) and what --print-after printed (stdout). */
void plan_cli_print_log(const rwkvc_plan_t *plan);

#endif
