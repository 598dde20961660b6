/* safetensors_test_only.c - see safetensors_test_only.h (test-only, F32 only). */
#include "safetensors_test_only.h"

#include <string.h>

#include "base/json.h"
#include "testutil.h"

void test_only_load_safetensors(const char *path, struct file_map *map, struct arena *a,
				struct weight_tensor **out, size_t *out_n)
{
	struct err e = { 0 };
	struct json_value *root;
	if (file_map_open(&e, path, map))
		fail_msg("%s", e.msg);
	uint64_t hlen = 0;
	for (int i = 7; i >= 0 && map->size >= 8; i--)
		hlen = hlen << 8 | map->data[i];
	if (map->size < 8 || hlen > map->size - 8)
		fail_msg("%s: not a safetensors file", path);
	if (json_parse(&e, a, (const char *)map->data + 8, (size_t)hlen, path, &root))
		fail_msg("%s", e.msg);
	const uint8_t *data = map->data + 8 + hlen;
	size_t data_size = map->size - 8 - (size_t)hlen;
	struct weight_tensor *t = arena_alloc(a, &e, (root->count + 1) * sizeof *t);
	size_t n = 0;
	for (size_t i = 0; i < root->count; i++) {
		if (strcmp(root->keys[i], "__metadata__") == 0)
			continue;
		const struct json_value *v = root->items[i];
		const struct json_value *dt = json_get(v, "dtype"), *sh = json_get(v, "shape");
		const struct json_value *off = json_get(v, "data_offsets");
		if (!dt || strcmp(dt->string, "F32") != 0 || !sh || sh->count > WEIGHT_MAX_RANK || !off)
			fail_msg("%s: tensor '%s' is not a plain F32 tensor", path, root->keys[i]);
		struct weight_tensor *w = &t[n++];
		w->name = root->keys[i];
		w->dtype = DTYPE_F32;
		w->rank = (int)sh->count;
		int64_t numel = 1;
		for (int d = 0; d < w->rank; d++)
			numel *= w->shape[d] = sh->items[d]->integer;
		int64_t b = off->items[0]->integer, end = off->items[1]->integer;
		if (b < 0 || end - b != numel * 4 || (uint64_t)end > data_size)
			fail_msg("%s: tensor '%s' has bad data offsets", path, w->name);
		w->data = data + b;
		w->nbytes = (size_t)(end - b);
	}
	*out = t;
	*out_n = n;
}
