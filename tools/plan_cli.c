/* plan_cli.c - see plan_cli.h. */
#include "plan_cli.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

void plan_cli_option_table(struct plan_cli_args *a, struct cli_option out[PLAN_CLI_N_OPTIONS])
{
	const struct cli_option t[PLAN_CLI_N_OPTIONS] = {
		{ "weights", 'w', CLI_STRING, &a->weights, "FILE", "take the model's sizes from this weights file" },
		{ "preset", 'p', CLI_STRING, &a->preset, "NAME", "or from a preset of the graph: 0.1b, 0.4b, 1.5b, 2.9b, 7.2b" },
		{ "dtype", 0, CLI_STRING, &a->dtype, "TYPE", "f32 or f16 activations and weights (default f32)" },
		{ "quant", 0, CLI_STRING, &a->quant, "TYPE", UTIL_QUANT_HELP },
		{ "t-max", 0, CLI_INT, &a->t_max, "N", "most tokens per call, the prefill chunk (default 16)" },
		{ "no-fuse", 0, CLI_FLAG, &a->no_fuse, NULL, "one kernel per op (same as --disable-pass fuse)" },
		{ "disable-pass", 0, CLI_STRINGS, &a->disable, "NAME", "switch off a pass (fuse, memplan, schedule) or a fusion "
								       "rule (mix, matvec, head_region, ew_chain); repeatable" },
		{ "print-after", 0, CLI_STRING, &a->print_after, "PASS", "print the plan after fuse, lower, memplan or "
									  "schedule (stdout)" },
		{ "target", 0, CLI_STRING, &a->target, "T", "kernels for: auto (the Vulkan device, else generic), device, "
							    "generic or none" },
		{ "verbose", 'v', CLI_FLAG, &a->verbose, NULL, "one line per pass on stderr" },
	};
	memcpy(out, t, sizeof t);
}

int plan_cli_options(const char *cmd, struct plan_cli_args *a, struct rwkvc_plan_options *out)
{
	*out = rwkvc_plan_options_default();
	if (!a->weights == !a->preset)
		return cli_usage_error(cmd, "give --weights FILE or --preset NAME (one of them)");
	if (a->t_max < 0 || a->t_max > 1 << 16)
		return cli_usage_error(cmd, "--t-max %lld is out of range (1 to 65536)", (long long)a->t_max);
	if (a->dtype && strcmp(a->dtype, "f32") != 0 && strcmp(a->dtype, "f16") != 0)
		return cli_usage_error(cmd, "unknown dtype '%s' (f32 or f16)", a->dtype);
	int n = 0;
	if (a->no_fuse)
		a->disable_all[n++] = "fuse";
	for (int i = 0; i < a->disable.n; i++)
		a->disable_all[n++] = a->disable.v[i];
	out->graph_path = a->graph;
	out->weights_path = a->weights;
	out->preset = a->preset;
	out->precision = a->dtype && strcmp(a->dtype, "f16") == 0 ? RWKVC_PRECISION_F16 : RWKVC_PRECISION_F32;
	out->quant = a->quant;
	out->t_max = (int)a->t_max;
	out->disable = a->disable_all;
	out->n_disable = n;
	out->print_after = a->print_after;
	out->verbose = a->verbose;
	out->target = a->target;
	return -1;
}

int plan_cli_exit(const char *cmd, rwkvc_ctx_t *ctx, enum rwkvc_status st)
{
	if (st == RWKVC_STATUS_BAD_ARGUMENT)
		return cli_usage_error(cmd, "%s", rwkvc_errmsg(ctx));
	return cli_fail(cmd, "%s", rwkvc_errmsg(ctx));
}

void plan_cli_print_log(const rwkvc_plan_t *plan)
{
	fputs(rwkvc_plan_report(plan), stderr);
	fputs(rwkvc_plan_printed(plan), stdout);
}
