/* progress.c - see progress.h. */
#include "progress.h"

#include <stdio.h>

void progress_show(struct progress *p, uint64_t done, uint64_t total)
{
	int pct = (int)(100 * done / (total ? total : 1));
	if (!p->enabled || pct == p->shown)
		return;
	p->shown = pct;
	fprintf(stderr, "\r%s: %3d%%%s", p->what, pct, pct == 100 ? "\n" : "");
}
