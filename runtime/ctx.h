/*
 * ctx.h - what a context holds (see rwkvc_ctx_t in rwkvc.h): the message of
 * the last failure, and the settings every call made with it shares.
 */
#ifndef RWKVC_RUNTIME_CTX_H
#define RWKVC_RUNTIME_CTX_H

#include "base/err.h"

struct rwkvc_ctx {
	struct err err;
	int progress;
};

#endif
