/* random_weights.h - random models in memory (random_model.c writes them to files too). */
#ifndef RWKVC_RUNTIME_RANDOM_WEIGHTS_H
#define RWKVC_RUNTIME_RANDOM_WEIGHTS_H

#include "rwkvc.h"
#include "weights.h"

/* The weights rwkvc_random_model_write would write, as an in-memory weight
 * file (release with weights_close). The same spec gives the same values. */
enum rwkvc_status random_weights_make(struct err *e, const struct rwkvc_random_model *spec, int progress,
				      struct weight_file *out_w);

#endif
