/*
 * cmd_run.c - `rwkvc run`: generate text. The prompt is evaluated as one
 * sequence, then tokens are sampled and fed one at a time while their text
 * streams to stdout (whole UTF-8 characters, flushed per token). A state file
 * can carry the session, the sampler and the last sampled token from one run
 * to the next, so that two runs continue exactly like one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rwkvc.h"
#include "util.h"

static const char *const CMD = "run";

struct run_args {
	const char *weights, *plan, *graph, *vocab, *backend, *dtype, *quant;
	const char *prompt, *prompt_file, *prompt_ids, *seed, *state_in, *state_out;
	int64_t n, top_k;
	double temperature, top_p, presence, frequency, decay;
	struct cli_strings stop;
	bool print_ids, verbose, check_finite;
};

/* Everything one generation holds; released by run_close. */
struct run {
	struct util_session us;
	rwkvc_tokenizer_t *tok;
	rwkvc_tokenizer_stream_t *stream;
	rwkvc_sampler_t *sampler;
	float *logits;
	int32_t *feed; /* the tokens of the prefill */
	size_t n_feed, n_prompt;
	/* stop strings (escapes resolved), and the generated text not printed yet
	 * because it could be the start of one */
	char *stops[CLI_MAX_REPEAT];
	size_t stop_len[CLI_MAX_REPEAT];
	int n_stops;
	char *held;
	size_t n_held, held_cap;
	bool stopped; /* a stop string appeared */
};

static void run_close(struct run *r)
{
	for (int i = 0; i < r->n_stops; i++)
		free(r->stops[i]);
	free(r->held);
	free(r->feed);
	free(r->logits);
	rwkvc_sampler_destroy(r->sampler);
	rwkvc_tokenizer_stream_destroy(r->stream);
	rwkvc_tokenizer_destroy(r->tok);
	util_close_session(&r->us);
}

/* A --stop value with \n, \t, \r and \\ resolved (heap; *out_len bytes).
 * A backslash before anything else stays as it is. */
static char *unescape(const char *s, size_t *out_len)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	for (; out && *s; s++) {
		if (*s == '\\' && s[1] && strchr("ntr\\", s[1])) {
			s++;
			*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : '\\';
		} else {
			*o++ = *s;
		}
	}
	*out_len = out ? (size_t)(o - out) : 0;
	return out;
}

/* ---- output ---- */

static bool write_out(const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, stdout) != n)
		return false;
	return fflush(stdout) == 0;
}

/* Where the first stop string starts in held[0..n), or n. */
static size_t find_stop(const struct run *r, size_t n)
{
	size_t best = n;
	for (int s = 0; s < r->n_stops; s++)
		for (size_t p = 0; p + r->stop_len[s] <= n && p < best; p++)
			if (memcmp(r->held + p, r->stops[s], r->stop_len[s]) == 0)
				best = p;
	return best;
}

/* How many bytes at the end of held[0..n) are the beginning of a stop string. */
static size_t stop_prefix_tail(const struct run *r, size_t n)
{
	size_t longest = 0;
	for (int s = 0; s < r->n_stops; s++)
		for (size_t k = r->stop_len[s] - 1; k > longest; k--)
			if (k <= n && memcmp(r->held + n - k, r->stops[s], k) == 0) {
				longest = k;
				break;
			}
	return longest;
}

/* Adds text to what is shown: prints all of it that cannot be part of a stop
 * string; on a stop string, prints what comes before it and sets r->stopped.
 * Matches never start in text already printed (it was printed only because
 * no stop string could start there). false when stdout fails. */
static bool emit(struct run *r, const char *s, size_t n)
{
	if (!r->n_stops)
		return write_out(s, n);
	if (r->n_held + n > r->held_cap) {
		size_t cap = (r->n_held + n) * 2 + 64;
		char *bigger = realloc(r->held, cap);
		if (!bigger)
			return false;
		r->held = bigger;
		r->held_cap = cap;
	}
	memcpy(r->held + r->n_held, s, n);
	r->n_held += n;
	size_t stop = find_stop(r, r->n_held);
	size_t show = stop < r->n_held ? stop : r->n_held - stop_prefix_tail(r, r->n_held);
	r->stopped = stop < r->n_held;
	bool ok = write_out(r->held, show);
	memmove(r->held, r->held + show, r->n_held - show);
	r->n_held -= show;
	return ok;
}

/* Shows one generated token: its id, or its text through the stream. */
static bool show_token(struct run *r, const struct run_args *a, int32_t token)
{
	if (a->print_ids) {
		char line[16];
		int n = snprintf(line, sizeof line, "%d\n", (int)token);
		if (!write_out(line, (size_t)n)) {
			cli_fail(CMD, "cannot write to stdout");
			return false;
		}
		return true;
	}
	const char *text;
	size_t len;
	if (rwkvc_tokenizer_stream_push(r->stream, token, &text, &len)) {
		cli_fail(CMD, "%s", rwkvc_errmsg(r->us.ctx));
		return false;
	}
	if (!emit(r, text, len)) {
		cli_fail(CMD, "cannot write to stdout");
		return false;
	}
	return true;
}

/* The end of the text: held-back bytes of an unfinished character, and text
 * kept back as a possible start of a stop string that never came. */
static bool finish_text(struct run *r, const struct run_args *a)
{
	if (a->print_ids || r->stopped)
		return true;
	const char *text;
	size_t len;
	rwkvc_tokenizer_stream_flush(r->stream, &text, &len);
	bool ok = emit(r, text, len) && (r->stopped || write_out(r->held, r->n_held));
	if (ok && isatty(STDOUT_FILENO))
		ok = write_out("\n", 1);
	if (!ok)
		cli_fail(CMD, "cannot write to stdout");
	return ok;
}

/* ---- setup ---- */

/* The prompt's tokens into r->feed after the pending token (if any). */
static int read_prompt(struct run *r, const struct run_args *a, int32_t pending)
{
	char *text = NULL;
	size_t len = 0;
	int32_t *ids = NULL;
	if (a->prompt_ids) {
		if (!cli_parse_int_list(CMD, "--prompt-ids", a->prompt_ids, &ids, &len))
			return CLI_EXIT_USAGE;
	} else if (a->prompt_file || (a->prompt && strcmp(a->prompt, "-") == 0)) {
		if (!(text = util_read_input(CMD, "the prompt", a->prompt_file ? a->prompt_file : "-", &len)))
			return CLI_EXIT_FAIL;
	} else if (a->prompt) {
		len = strlen(a->prompt);
	}
	/* every token covers at least one byte: len ids are enough */
	r->feed = malloc((len + 1) * sizeof *r->feed);
	int rc = -1;
	if (!r->feed) {
		rc = cli_fail(CMD, "out of memory for the prompt's %zu tokens", len);
	} else if (ids) {
		memcpy(r->feed + (pending >= 0), ids, len * sizeof *ids);
		r->n_prompt = len;
	} else if (len && rwkvc_tokenizer_encode(r->tok, text ? text : a->prompt, len, r->feed + (pending >= 0), len,
						 &r->n_prompt)) {
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(r->us.ctx));
	}
	if (rc < 0 && pending >= 0)
		r->feed[0] = pending;
	r->n_feed = r->n_prompt + (pending >= 0);
	free(ids);
	free(text);
	return rc;
}

/* Model, tokenizer, sampler, stop strings and the state file's content. */
static int open_run(struct run *r, const struct run_args *a, const struct rwkvc_sampler_options *so,
		    int32_t *out_pending)
{
	struct model_options_arg mo = { a->graph, a->weights, a->backend, a->dtype, a->quant };
	struct rwkvc_model_options o;
	int rc;
	if ((rc = util_model_options(CMD, &mo, &o)) >= 0)
		return rc;
	o.plan_path = a->plan;
	if ((rc = util_open_session(CMD, &o, &r->us)) >= 0)
		return rc;
	if (a->verbose)
		util_print_model(stderr, &r->us.info);
	rwkvc_ctx_t *ctx = r->us.ctx;
	int32_t limit = r->us.info.vocab;
	if (a->vocab) {
		if (rwkvc_tokenizer_load(ctx, a->vocab, &r->tok) || rwkvc_tokenizer_stream_create(r->tok, &r->stream))
			return cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
		if (rwkvc_tokenizer_vocab_size(r->tok) < limit)
			limit = rwkvc_tokenizer_vocab_size(r->tok); /* ids past the tokenizer have no text */
	}
	if (!(r->logits = malloc((size_t)r->us.info.vocab * sizeof *r->logits)))
		return cli_fail(CMD, "out of memory for %d logits", r->us.info.vocab);
	if (rwkvc_sampler_create(ctx, so, limit, &r->sampler))
		return cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	for (int i = 0; i < a->stop.n; i++, r->n_stops++)
		if (!(r->stops[i] = unescape(a->stop.v[i], &r->stop_len[i])))
			return cli_fail(CMD, "out of memory");
	*out_pending = -1;
	if (a->state_in && rwkvc_session_load(r->us.session, r->sampler, a->state_in, out_pending))
		return cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	if (a->state_in && a->seed) /* an explicit seed starts a new stream; the counts stay */
		rwkvc_sampler_set_seed(r->sampler, so->seed);
	return -1;
}

/* ---- the generation ---- */

static unsigned eval_flags(const struct run_args *a)
{
	return RWKVC_EVAL_LAST | (a->check_finite ? RWKVC_EVAL_CHECK_FINITE : 0);
}

/* Samples, shows and feeds up to a->n tokens. *pending: the last token
 * sampled and not fed (what a state file must remember), or -1. */
static int generate(struct run *r, const struct run_args *a, int32_t *pending, size_t *out_n, const char **why)
{
	const size_t vocab = (size_t)r->us.info.vocab;
	*why = "the token limit (-n)";
	for (int64_t i = 0; i < a->n; i++) {
		int32_t t;
		if (rwkvc_sampler_sample(r->sampler, r->logits, vocab, &t) || rwkvc_sampler_accept(r->sampler, t))
			return cli_fail(CMD, "%s", rwkvc_errmsg(r->us.ctx));
		*pending = t;
		++*out_n;
		if (t == 0) {
			*why = "the end of the text (token 0)";
			break;
		}
		if (!show_token(r, a, t))
			return CLI_EXIT_FAIL;
		if (r->stopped) {
			*why = "a --stop string";
			break;
		}
		if (i + 1 == a->n)
			break;
		if (rwkvc_session_eval(r->us.session, &t, 1, eval_flags(a), r->logits))
			return cli_fail(CMD, "%s", rwkvc_errmsg(r->us.ctx));
		*pending = -1;
	}
	return finish_text(r, a) ? -1 : CLI_EXIT_FAIL;
}

static int run_main(const struct run_args *a, const struct rwkvc_sampler_options *so)
{
	struct run r;
	memset(&r, 0, sizeof r);
	int32_t pending;
	int rc = open_run(&r, a, so, &pending);
	if (rc < 0)
		rc = read_prompt(&r, a, pending);
	if (rc < 0 && r.n_feed == 0)
		rc = a->state_in ? cli_fail(CMD, "%s has no pending token and the prompt is empty: nothing to condition on",
					    a->state_in)
				 : cli_fail(CMD, "the prompt is empty: nothing to condition on");
	double t0 = util_now(), t1 = t0, t2 = t0;
	size_t n_gen = 0;
	const char *why = NULL;
	if (rc < 0 && rwkvc_session_eval(r.us.session, r.feed, r.n_feed, eval_flags(a), r.logits))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(r.us.ctx));
	if (rc < 0) {
		pending = -1; /* fed now */
		t1 = util_now();
		rc = generate(&r, a, &pending, &n_gen, &why);
		t2 = util_now();
	}
	if (rc < 0 && a->state_out && rwkvc_session_save(r.us.session, r.sampler, pending, a->state_out))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(r.us.ctx));
	if (rc < 0) {
		if (isatty(1) && n_gen) /* end the generated line on screen; a pipe gets the bytes as generated */
			fputc('\n', stderr);
		util_print_rate(stderr, "prompt:", r.n_feed, t1 - t0);
		util_print_rate(stderr, "generated", n_gen, t2 - t1);
		if (why && n_gen)
			fprintf(stderr, "stopped at %s\n", why);
		rc = CLI_EXIT_OK;
	}
	run_close(&r);
	return rc;
}

/* ---- options ---- */

/* Checks what the options say before anything is loaded; -1 when fine. */
static int check_args(struct run_args *a, struct rwkvc_sampler_options *so)
{
	if (!a->weights)
		return cli_usage_error(CMD, "--weights is required");
	if ((a->prompt != NULL) + (a->prompt_file != NULL) + (a->prompt_ids != NULL) > 1)
		return cli_usage_error(CMD, "give at most one of --prompt, --prompt-file and --prompt-ids");
	bool no_prompt = !a->prompt_file && !a->prompt_ids && (!a->prompt || !a->prompt[0]);
	if (no_prompt && !a->state_in) /* said before a model is loaded; empty files and stdin are found later */
		return cli_usage_error(CMD, "the prompt is empty: nothing to condition on (give a prompt, "
				       "or --state-in FILE to continue an earlier run)");
	if (a->n < 0)
		return cli_usage_error(CMD, "-n %lld: the number of tokens cannot be negative", (long long)a->n);
	if (a->top_k < 0 || a->top_k > INT32_MAX)
		return cli_usage_error(CMD, "--top-k %lld: must be 0 (off) to %d", (long long)a->top_k, INT32_MAX);
	if (a->print_ids && a->stop.n)
		return cli_usage_error(CMD, "--stop works on text: it cannot go with --print-ids");
	for (int i = 0; i < a->stop.n; i++)
		if (!a->stop.v[i][0])
			return cli_usage_error(CMD, "--stop: the stop string is empty");
	if (!a->vocab)
		a->vocab = getenv("RWKVC_VOCAB");
	if (a->vocab && !*a->vocab)
		a->vocab = NULL;
	bool text_in = a->prompt || a->prompt_file, text_out = !a->print_ids;
	if (!a->vocab && (text_in || text_out))
		return cli_usage_error(CMD, "no vocabulary: pass --vocab FILE (rwkv_vocab_v20230424.txt) or set "
				       "RWKVC_VOCAB (only --prompt-ids with --print-ids works without one)");
	so->temperature = (float)a->temperature;
	so->top_p = (float)a->top_p;
	so->top_k = (int32_t)a->top_k;
	so->presence = (float)a->presence;
	so->frequency = (float)a->frequency;
	so->penalty_decay = (float)a->decay;
	if (a->seed) {
		char *end;
		errno = 0;
		unsigned long long s = strtoull(a->seed, &end, 10);
		if (errno || end == a->seed || *end || a->seed[0] == '-')
			return cli_usage_error(CMD, "--seed expects an integer from 0 to 2^64-1, got '%s'", a->seed);
		so->seed = s;
	}
	rwkvc_ctx_t *ctx;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(CMD, "out of memory");
	int rc = rwkvc_sampler_options_check(ctx, so) ? cli_usage_error(CMD, "%s", rwkvc_errmsg(ctx)) : -1;
	rwkvc_ctx_destroy(ctx);
	return rc;
}

int cmd_run(int argc, char **argv)
{
	struct rwkvc_sampler_options so = rwkvc_sampler_options_default();
	struct run_args a = { .backend = "auto", .dtype = "f32", .n = 200, .temperature = so.temperature,
			      .top_p = so.top_p, .top_k = so.top_k, .presence = so.presence,
			      .frequency = so.frequency, .decay = so.penalty_decay };
	const struct cli_option options[] = {
		{ "weights", 'w', CLI_STRING, &a.weights, "FILE", "model weights (.safetensors or .gguf); required" },
		{ "plan", 0, CLI_STRING, &a.plan, "FILE", "a compiled plan for the model (default: compile on load)" },
		{ "vocab", 'v', CLI_STRING, &a.vocab, "FILE", "vocabulary (rwkv_vocab_v20230424.txt); default $RWKVC_VOCAB" },
		{ "prompt", 'p', CLI_STRING, &a.prompt, "TEXT", "the prompt; '-' reads it from stdin, byte for byte" },
		{ "prompt-file", 'f', CLI_STRING, &a.prompt_file, "FILE", "read the prompt from FILE, byte for byte" },
		{ "prompt-ids", 0, CLI_STRING, &a.prompt_ids, "IDS", "the prompt as token ids: 0,510,3" },
		{ "max-tokens", 'n', CLI_INT, &a.n, "N", "generate at most N tokens (default 200)" },
		{ "temperature", 't', CLI_DOUBLE, &a.temperature, "T", "sampling temperature; 0 = greedy (default 1.0)" },
		{ "top-p", 0, CLI_DOUBLE, &a.top_p, "P", "keep the likeliest tokens up to this mass; 1 = off (default 0.3)" },
		{ "top-k", 0, CLI_INT, &a.top_k, "K", "keep at most K tokens; 0 = off (default 0)" },
		{ "presence", 0, CLI_DOUBLE, &a.presence, "X", "penalty on the logit of any generated token (default 0)" },
		{ "frequency", 0, CLI_DOUBLE, &a.frequency, "X", "penalty per occurrence of a generated token (default 0)" },
		{ "penalty-decay", 0, CLI_DOUBLE, &a.decay, "D", "counts fade by D per token; 1 = never (default 1)" },
		{ "seed", 's', CLI_STRING, &a.seed, "S", "random seed, 0 to 2^64-1 (default 42; with --state-in: "
							     "the saved generator)" },
		{ "stop", 0, CLI_STRINGS, &a.stop, "STRING", "stop once the text contains STRING, not printing it; "
								"repeatable; \\n \\t \\r \\\\ are escapes (default none)" },
		{ "state-in", 0, CLI_STRING, &a.state_in, "FILE", "continue from a state file (the prompt, if any, "
								    "is fed after it)" },
		{ "state-out", 0, CLI_STRING, &a.state_out, "FILE", "save the state, sampler and last token at the end" },
		{ "print-ids", 0, CLI_FLAG, &a.print_ids, NULL, "print token ids, one a line, instead of text" },
		{ "backend", 'b', CLI_STRING, &a.backend, "NAME", "cpu, vulkan or auto (default auto)" },
		{ "dtype", 0, CLI_STRING, &a.dtype, "TYPE", "f32 or f16 weights and activations (vulkan; default f32)" },
		{ "quant", 0, CLI_STRING, &a.quant, "TYPE", UTIL_QUANT_HELP },
		{ "graph", 'g', CLI_STRING, &a.graph, "FILE", "op graph YAML (default: the built-in RWKV-7 graph)" },
		{ "check-finite", 0, CLI_FLAG, &a.check_finite, NULL, "on a NaN or Inf, say which token and layer "
									 "made it (without: sampling refuses it)" },
		{ "verbose", 0, CLI_FLAG, &a.verbose, NULL, "print the model's shape (stderr)" },
	};
	struct cli_command cmd = {
		.name = CMD,
		.usage = "rwkvc run --weights M [--vocab V] --prompt TEXT [-n N] [options]",
		.summary = "Evaluates the prompt as one sequence, then samples up to N tokens, feeding each back,\n"
			   "and streams their text to stdout as it comes (the prompt is not echoed). Stops early\n"
			   "at the end of text (token 0) or a --stop string. Prints the prompt and generation\n"
			   "speeds on stderr. --state-out then --state-in continue a generation exactly.",
		.options = options,
		.n_options = sizeof options / sizeof options[0],
	};
	int r = cli_parse(&cmd, argc, argv);
	if (r >= 0)
		return r;
	if ((r = check_args(&a, &so)) >= 0)
		return r;
	return run_main(&a, &so);
}
