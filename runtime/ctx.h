/* ctx.h - the context behind rwkvc_ctx_t: where errors are kept. */
#ifndef RWKVC_RUNTIME_CTX_H
#define RWKVC_RUNTIME_CTX_H

#include "base/err.h"
#include "rwkvc.h"

struct rwkvc_ctx {
	struct err err;
	int progress;
};

#endif
