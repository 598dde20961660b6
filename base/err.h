/*
 * err.h - error values that carry a message as they travel up.
 *
 * Every fallible internal function takes a `struct err *` and returns an
 * enum rwkvc_status. The first failure writes the message ("what, where");
 * callers on the way up may prefix context ("while loading layer 3: ...").
 */
#ifndef RWKVC_BASE_ERR_H
#define RWKVC_BASE_ERR_H

#include "rwkvc.h"

#define ERR_MSG_MAX 1024

struct err {
	enum rwkvc_status status;
	char msg[ERR_MSG_MAX];
};

#if defined(__GNUC__)
#define ERR_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ERR_PRINTF(a, b)
#endif

/* Records a failure and returns `status`, so call sites can `return err_set(...)`. */
enum rwkvc_status err_set(struct err *e, enum rwkvc_status status, const char *fmt, ...)
	ERR_PRINTF(3, 4);

/* Prefixes "<context>: " to the current message and returns the current status. */
enum rwkvc_status err_context(struct err *e, const char *fmt, ...) ERR_PRINTF(2, 3);

/* Forgets any earlier failure. */
void err_clear(struct err *e);

/* Evaluates `expr` (an enum rwkvc_status) and returns it from the caller on failure. */
#define TRY(expr)                                       \
	do {                                            \
		enum rwkvc_status try_status_ = (expr); \
		if (try_status_ != RWKVC_STATUS_OK)     \
			return try_status_;             \
	} while (0)

/* Like TRY, but jumps to `label` with `status` (a local) set, for cleanups. */
#define TRY_GOTO(status, expr, label)                     \
	do {                                              \
		(status) = (expr);                        \
		if ((status) != RWKVC_STATUS_OK)          \
			goto label;                       \
	} while (0)

#endif
