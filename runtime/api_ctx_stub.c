/*
 * api_ctx_stub.c - TEMPORARY: the smallest rwkvc_ctx_* / rwkvc_errmsg that let
 * the tokenizer branch link its CLI and tests. The real context lives in
 * runtime/api_ctx.c on main; at merge this file is deleted in its favour.
 */
#include <unistd.h>

#include "base/mem.h"
#include "runtime/ctx.h"

enum rwkvc_status rwkvc_ctx_create(rwkvc_ctx_t **out_ctx)
{
	struct err e = { 0 };
	*out_ctx = mem_calloc(&e, 1, sizeof **out_ctx, "context");
	if (!*out_ctx)
		return e.status;
	(*out_ctx)->progress = isatty(STDERR_FILENO);
	return RWKVC_STATUS_OK;
}

void rwkvc_ctx_destroy(rwkvc_ctx_t *ctx) { mem_free(ctx); }

const char *rwkvc_errmsg(const rwkvc_ctx_t *ctx) { return ctx->err.msg; }

void rwkvc_ctx_set_progress(rwkvc_ctx_t *ctx, int enabled) { ctx->progress = enabled != 0; }
