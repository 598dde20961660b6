/* builtin.h - the model graphs compiled into the library. */
#ifndef RWKVC_GRAPH_BUILTIN_H
#define RWKVC_GRAPH_BUILTIN_H

#include <stddef.h>

/* models/rwkv7.yaml as it was at build time, NUL-terminated. */
const char *builtin_rwkv7_yaml(size_t *out_len);

/* The name used for it in messages. */
#define BUILTIN_RWKV7_NAME "<builtin>/rwkv7.yaml"

#endif
