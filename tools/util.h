/* util.h - model/session plumbing shared by the subcommands that run a model. */
#ifndef RWKVC_TOOLS_UTIL_H
#define RWKVC_TOOLS_UTIL_H

#include <stdbool.h>
#include <stdio.h>

#include "rwkvc.h"

/* The help of --quant, the same wherever a model is loaded or compiled. */
#define UTIL_QUANT_HELP "store the big matrices as f32, f16, q8_0 or q4_k (default: as the file holds " \
			"them; see docs/quantisation.md)"

/* The command-line spelling of model options. */
struct model_options_arg {
	const char *graph, *weights, *backend, *dtype, *quant;
};

/* Fills `out` from the strings; returns -1 on success, else an exit status (usage error). */
int util_model_options(const char *cmd, const struct model_options_arg *a, struct rwkvc_model_options *out);

struct util_session {
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *model;
	rwkvc_session_t *session;
	struct rwkvc_model_info info;
};

/* Context + model + session; returns -1 on success, else an exit status (message printed). */
int util_open_session(const char *cmd, const struct rwkvc_model_options *o, struct util_session *out);
void util_close_session(struct util_session *s);

/* Writes floats as little-endian float32, atomically. false (message printed) on error. */
bool util_write_floats(const char *cmd, const char *path, const float *x, size_t n);
/* All of the file at `path`, or of stdin when path is "-", byte for byte, in a
 * heap buffer (free it) with a NUL after the *out_len bytes. `what` names the
 * input in messages ("the text"). NULL (message printed) on failure. */
char *util_read_input(const char *cmd, const char *what, const char *path, size_t *out_len);
/* Seconds on a monotonic clock. */
double util_now(void);
/* "evaluated 16 tokens in 12.3 ms (1300.0 tok/s)" */
void util_print_rate(FILE *f, const char *what, size_t tokens, double seconds);
/* "model: 12 layers x 768, 12 heads of 64, vocab 65536, ffn 3072 (cpu)" */
void util_print_model(FILE *f, const struct rwkvc_model_info *info);
/* Prints the k largest values with their indices. */
void util_print_top(FILE *f, const float *x, size_t n, int k);

#endif
