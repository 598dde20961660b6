/* rwkvc.c - the `rwkvc` command: dispatches to the subcommands in tools/cmd_*.c. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "logits", cmd_logits, "write the logits of a token sequence to a file" },
	{ "mkmodel", cmd_mkmodel, "make a model with random weights of a real shape" },
	{ "run", cmd_run, "generate text: prompt in, sampled tokens streamed out" },
	{ "bench", cmd_bench, "measure prefill and decode speed against the bandwidth limit" },
	{ "tokenize", cmd_tokenize, "text to RWKV World token ids and back" },
	{ "info", cmd_info, "list the Vulkan devices and the features rwkvc uses" },
	{ "test-ops", cmd_test_ops, "check every GPU kernel against its C reference" },
	{ "compile", cmd_compile, "compile a model graph into a plan file" },
	{ "dump", cmd_dump, "show a plan: kernels, buffers, barriers (text, YAML, JSON, DOT)" },
};

enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static void usage(FILE *f)
{
	fprintf(f, "usage: rwkvc <command> [options]\n\n"
		   "rwkvc compiles RWKV-7 language models into fused GPU kernels and runs them.\n\n"
		   "commands:\n");
	for (int i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'rwkvc <command> --help' describes each command.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	for (int i = 0; i < N_COMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "rwkvc: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return CLI_EXIT_USAGE;
}
