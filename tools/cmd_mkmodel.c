/* cmd_mkmodel.c - `rwkvc mkmodel`: a random-weight model of a real shape. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "rwkvc.h"

int cmd_mkmodel(int argc, char **argv)
{
	const char *preset = NULL, *out = NULL, *dtype = "f32", *graph = NULL;
	int64_t layers = 0, embd = 0, vocab = 0, head = 0, ffn = 0, seed = 1;
	struct cli_option opts[] = {
		{ "preset", 'p', CLI_STRING, &preset, "NAME", "official shape: 0.1b, 0.4b, 1.5b, 2.9b or 7.2b" },
		{ "layers", 0, CLI_INT, &layers, "L", "number of layers (without --preset)" },
		{ "embd", 0, CLI_INT, &embd, "C", "embedding width (without --preset)" },
		{ "vocab", 0, CLI_INT, &vocab, "V", "vocabulary size (without --preset)" },
		{ "head-size", 0, CLI_INT, &head, "N", "head size (default 64)" },
		{ "ffn", 0, CLI_INT, &ffn, "F", "channel-mix width (default 4 x embd)" },
		{ "seed", 's', CLI_INT, &seed, "S", "random seed (default 1)" },
		{ "dtype", 0, CLI_STRING, &dtype, "TYPE", "storage type: f32 (default), f16 or bf16" },
		{ "graph", 'g', CLI_STRING, &graph, "FILE", "op graph YAML (default: the built-in RWKV-7 graph)" },
		{ "out", 'o', CLI_STRING, &out, "FILE", "the .safetensors file to write" },
	};
	struct cli_command cmd = { "mkmodel",
				   "rwkvc mkmodel (--preset NAME | --layers L --embd C --vocab V) [--seed S] -o M.safetensors",
				   "Writes a model with random weights in the official tensor naming and shapes, at\n"
				   "init-like scales (never zeros). It is not a trained model: its text means nothing.\n"
				   "The LoRA ranks follow the official formula of the embedding width.",
				   opts, (int)(sizeof opts / sizeof opts[0]), 0, { 0 }, 0 };
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	if (!out)
		return cli_usage_error(cmd.name, "-o FILE is required");
	if (preset && (layers || embd || vocab))
		return cli_usage_error(cmd.name, "give either --preset or --layers/--embd/--vocab, not both");
	if (!preset && (layers <= 0 || embd <= 0 || vocab <= 0))
		return cli_usage_error(cmd.name, "give --preset, or all of --layers, --embd and --vocab (positive)");
	if (layers > 4096 || embd > 65536 || vocab > 1 << 24 || head < 0 || head > 4096 || ffn < 0 || ffn > 1 << 20)
		return cli_usage_error(cmd.name, "sizes out of range");
	struct rwkvc_random_model spec;
	memset(&spec, 0, sizeof spec);
	spec.preset = preset;
	spec.n_layer = (int)layers;
	spec.n_embd = (int)embd;
	spec.vocab = (int)vocab;
	spec.head_size = (int)head;
	spec.ffn = (int)ffn;
	spec.seed = (uint64_t)seed;
	spec.dtype = dtype;
	spec.graph_path = graph;
	rwkvc_ctx_t *ctx;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(cmd.name, "out of memory");
	r = CLI_EXIT_OK;
	if (rwkvc_random_model_write(ctx, &spec, out))
		r = cli_fail(cmd.name, "%s", rwkvc_errmsg(ctx));
	rwkvc_ctx_destroy(ctx);
	return r;
}
