/*
 * cmd_tokenize.c - `rwkvc tokenize`: text to ids, or ids back to text, with
 * the RWKV World vocabulary. Binary-safe both ways: `--text -` reads stdin
 * byte for byte (NULs too), `--decode` writes raw bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rwkvc.h"
#include "util.h"

static const char *const CMD = "tokenize";

static int encode(rwkvc_ctx_t *ctx, rwkvc_tokenizer_t *tok, const char *text_arg)
{
	size_t len;
	char *text = NULL;
	if (strcmp(text_arg, "-") == 0) {
		text = util_read_input(CMD, "the text", "-", &len);
		if (!text)
			return CLI_EXIT_FAIL;
	}
	const char *t = text ? text : text_arg;
	if (!text)
		len = strlen(text_arg);
	/* every id covers at least one byte, so len ids are enough */
	int32_t *ids = malloc((len ? len : 1) * sizeof *ids);
	size_t n = 0;
	int rc = CLI_EXIT_OK;
	if (!ids)
		rc = cli_fail(CMD, "out of memory for %zu ids", len);
	else if (rwkvc_tokenizer_encode(tok, t, len, ids, len, &n))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	for (size_t i = 0; rc == CLI_EXIT_OK && i < n; i++)
		printf(i ? ",%d" : "%d", ids[i]);
	if (rc == CLI_EXIT_OK)
		putchar('\n');
	free(ids);
	free(text);
	return rc;
}

static int decode(rwkvc_ctx_t *ctx, rwkvc_tokenizer_t *tok, const char *list)
{
	int32_t *ids;
	size_t n, len;
	if (!cli_parse_int_list(CMD, "--decode", list, &ids, &n))
		return CLI_EXIT_USAGE;
	if (n == 0) {
		free(ids);
		return cli_usage_error(CMD, "--decode: the id list is empty");
	}
	int rc = CLI_EXIT_OK;
	char *out = NULL;
	if (rwkvc_tokenizer_decode(tok, ids, n, NULL, 0, &len))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	else if (!(out = malloc(len ? len : 1)))
		rc = cli_fail(CMD, "out of memory for %zu bytes of text", len);
	else if (rwkvc_tokenizer_decode(tok, ids, n, out, len, &len))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	else if (fwrite(out, 1, len, stdout) != len)
		rc = cli_fail(CMD, "cannot write the text to stdout");
	free(out);
	free(ids);
	return rc;
}

int cmd_tokenize(int argc, char **argv)
{
	const char *vocab = NULL, *text = NULL, *ids = NULL;
	const struct cli_option options[] = {
		{ "vocab", 'v', CLI_STRING, &vocab, "FILE",
		  "vocabulary (rwkv_vocab_v20230424.txt); default $RWKVC_VOCAB" },
		{ "text", 't', CLI_STRING, &text, "TEXT",
		  "print the ids of TEXT, comma-separated; '-' reads stdin" },
		{ "decode", 'd', CLI_STRING, &ids, "IDS", "print the text of IDS (1,2,3) as raw bytes" },
	};
	struct cli_command cmd = {
		.name = CMD,
		.usage = "rwkvc tokenize [--vocab FILE] (--text TEXT | --text - | --decode IDS)",
		.summary = "Encode text into RWKV World token ids, or decode ids into text.",
		.options = options,
		.n_options = sizeof options / sizeof options[0],
	};
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	if (!text == !ids)
		return cli_usage_error(CMD, "give exactly one of --text and --decode");
	if (!vocab)
		vocab = getenv("RWKVC_VOCAB");
	if (!vocab || !*vocab)
		return cli_usage_error(CMD, "no vocabulary: pass --vocab FILE "
				       "(rwkv_vocab_v20230424.txt) or set RWKVC_VOCAB");

	rwkvc_ctx_t *ctx;
	rwkvc_tokenizer_t *tok;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(CMD, "out of memory");
	if (rwkvc_tokenizer_load(ctx, vocab, &tok)) {
		r = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	} else {
		r = text ? encode(ctx, tok, text) : decode(ctx, tok, ids);
		rwkvc_tokenizer_destroy(tok);
	}
	rwkvc_ctx_destroy(ctx);
	if (r == CLI_EXIT_OK && fflush(stdout) != 0)
		r = cli_fail(CMD, "cannot write to stdout");
	return r;
}
