/* api_ctx.c - rwkvc_ctx_t: creation, messages, settings. */
#include <stdlib.h>
#include <unistd.h>

#include "base/mem.h"
#include "ctx.h"

enum rwkvc_status rwkvc_ctx_create(rwkvc_ctx_t **out_ctx)
{
	struct err e;
	*out_ctx = mem_calloc(&e, 1, sizeof **out_ctx, "context");
	if (!*out_ctx)
		return RWKVC_STATUS_NO_MEMORY;
	(*out_ctx)->progress = isatty(2);
	return RWKVC_STATUS_OK;
}

void rwkvc_ctx_destroy(rwkvc_ctx_t *ctx) { mem_free(ctx); }

const char *rwkvc_errmsg(const rwkvc_ctx_t *ctx) { return ctx ? ctx->err.msg : "no context"; }

void rwkvc_ctx_set_progress(rwkvc_ctx_t *ctx, int enabled) { ctx->progress = enabled != 0; }
