/* builtin.c - access to the embedded default graph (see builtin_model.S). */
#include "builtin.h"

extern const char rwkvc_builtin_rwkv7_yaml[];
extern const char rwkvc_builtin_rwkv7_yaml_end[];

const char *builtin_rwkv7_yaml(size_t *out_len)
{
	if (out_len)
		*out_len = (size_t)(rwkvc_builtin_rwkv7_yaml_end - rwkvc_builtin_rwkv7_yaml);
	return rwkvc_builtin_rwkv7_yaml;
}
