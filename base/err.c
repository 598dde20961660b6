/* err.c - formatting and chaining of error messages; see err.h. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[RWKVC_STATUS_COUNT] = {
	[RWKVC_STATUS_OK] = "ok",
	[RWKVC_STATUS_BAD_ARGUMENT] = "bad argument",
	[RWKVC_STATUS_IO] = "i/o error",
	[RWKVC_STATUS_BAD_FORMAT] = "bad format",
	[RWKVC_STATUS_BAD_GRAPH] = "bad graph",
	[RWKVC_STATUS_BAD_SHAPE] = "bad shape",
	[RWKVC_STATUS_NO_MEMORY] = "out of memory",
	[RWKVC_STATUS_UNSUPPORTED] = "unsupported",
	[RWKVC_STATUS_VULKAN] = "vulkan error",
	[RWKVC_STATUS_DEVICE_LOST] = "device lost",
	[RWKVC_STATUS_NOT_FINITE] = "not finite",
};

const char *rwkvc_status_name(enum rwkvc_status status)
{
	if ((unsigned)status >= RWKVC_STATUS_COUNT)
		return "unknown status";
	return status_names[status];
}

enum rwkvc_status err_set(struct err *e, enum rwkvc_status status, const char *fmt, ...)
{
	va_list ap;
	e->status = status;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return status;
}

enum rwkvc_status err_context(struct err *e, const char *fmt, ...)
{
	char prefix[ERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	/* shift the old message right and put "prefix: " in front, truncating the tail */
	size_t p = strlen(prefix) + 2;
	if (p >= sizeof e->msg)
		p = sizeof e->msg - 1;
	size_t old = strlen(e->msg);
	if (p + old >= sizeof e->msg)
		old = sizeof e->msg - 1 - p;
	memmove(e->msg + p, e->msg, old);
	e->msg[p + old] = '\0';
	memcpy(e->msg, prefix, p - 2 < strlen(prefix) ? p - 2 : strlen(prefix));
	if (p >= 2) {
		e->msg[p - 2] = ':';
		e->msg[p - 1] = ' ';
	}
	return e->status;
}

void err_clear(struct err *e)
{
	e->status = RWKVC_STATUS_OK;
	e->msg[0] = '\0';
}
