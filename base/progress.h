/*
 * progress.h - a percentage on stderr for long loads ("quantising weights:  42%").
 *
 * It redraws only when the whole percentage changes, ends its line at 100%,
 * and prints nothing when disabled (the context's progress flag: off when
 * stderr is not a terminal, see rwkvc_ctx_set_progress).
 */
#ifndef RWKVC_BASE_PROGRESS_H
#define RWKVC_BASE_PROGRESS_H

#include <stdint.h>

struct progress {
	int enabled;
	const char *what; /* "quantising weights", "uploading weights" ... */
	int shown;        /* the percentage on screen; -1 before the first */
};

static inline struct progress progress_start(int enabled, const char *what)
{
	return (struct progress){ enabled, what, -1 };
}

void progress_show(struct progress *p, uint64_t done, uint64_t total);

#endif
