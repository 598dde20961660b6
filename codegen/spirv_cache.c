/* spirv_cache.c - the on-disk SPIR-V cache; see spirv_cache.h. */
#include "spirv_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define XXH_STATIC_LINKING_ONLY /* XXH3_state_t on the stack: no allocation to fail */
#include <xxhash.h>

#include "base/file.h"
#include "base/mem.h"

/* Entry layout: this header, then n_words SPIR-V words, all little-endian
 * (the host's order; the SPIR-V magic check rejects a foreign one). */
struct entry_header {
	char magic[8];     /* ENTRY_MAGIC */
	uint64_t key;      /* the file's name, again: a renamed file is not trusted */
	uint64_t n_words;
	uint64_t checksum; /* XXH3 of the words */
};

static const char ENTRY_MAGIC[8] = { 'R', 'W', 'K', 'V', 'S', 'P', 'V', '1' };
/* Bump when anything that shapes an entry (layout, key recipe) changes. */
static const char KEY_SALT[] = "rwkvc spirv cache v1";
enum { SPIRV_MAGIC = 0x07230203, PATH_MAX_LEN = 4096 };

/* mkdir -p; false on failure (errno set). */
static bool make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int bad = mkdir(path, 0755) != 0 && errno != EEXIST;
		*p = '/';
		if (bad)
			return false;
	}
	return mkdir(path, 0755) == 0 || errno == EEXIST;
}

/* $XDG_CACHE_HOME/rwkvc or $HOME/.cache/rwkvc; false when neither is usable. */
static bool default_dir(char *out, size_t cap)
{
	const char *x = getenv("XDG_CACHE_HOME");
	const char *h = getenv("HOME");
	int n;
	if (x && x[0] == '/') /* the XDG spec ignores relative paths */
		n = snprintf(out, cap, "%s/rwkvc", x);
	else if (h && h[0] == '/')
		n = snprintf(out, cap, "%s/.cache/rwkvc", h);
	else
		return false;
	return n > 0 && (size_t)n < cap;
}

enum rwkvc_status spirv_cache_open(struct err *e, const char *dir, bool verbose,
				   struct spirv_cache *out_cache)
{
	memset(out_cache, 0, sizeof *out_cache);
	out_cache->verbose = verbose;
	const char *off = getenv("RWKVC_NO_CACHE");
	if (off && *off && strcmp(off, "0") != 0)
		return RWKVC_STATUS_OK;
	char path[PATH_MAX_LEN];
	if (dir) {
		if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
			return RWKVC_STATUS_OK;
	} else if (!default_dir(path, sizeof path)) {
		if (verbose)
			fprintf(stderr, "rwkvc: no SPIR-V cache: neither XDG_CACHE_HOME nor HOME is "
					"an absolute path\n");
		return RWKVC_STATUS_OK;
	}
	if (!make_dirs(path)) {
		if (verbose)
			fprintf(stderr, "rwkvc: no SPIR-V cache: cannot create %s: %s\n", path,
				strerror(errno));
		return RWKVC_STATUS_OK;
	}
	out_cache->dir = mem_strdup(e, path, "SPIR-V cache directory");
	return out_cache->dir ? RWKVC_STATUS_OK : e->status;
}

void spirv_cache_close(struct spirv_cache *c)
{
	mem_free(c->dir);
	c->dir = NULL;
}

static void hash_str(XXH3_state_t *st, const char *s)
{
	XXH3_64bits_update(st, s, strlen(s) + 1); /* with the NUL, so "ab"+"c" != "a"+"bc" */
}

static uint64_t entry_key(const char *source, const struct glsl_options *o)
{
	XXH3_state_t st;
	XXH3_64bits_reset(&st);
	hash_str(&st, KEY_SALT);
	hash_str(&st, glsl_compiler_version());
	uint32_t flags[5] = { (uint32_t)o->target, o->spirv_version, o->optimize, o->debug_info,
			      o->validate };
	XXH3_64bits_update(&st, flags, sizeof flags);
	for (int i = 0; i < o->n_defines; i++)
		hash_str(&st, o->defines[i]);
	XXH3_64bits_update(&st, &o->n_defines, sizeof o->n_defines);
	hash_str(&st, source);
	return XXH3_64bits_digest(&st);
}

static bool key_path(const struct spirv_cache *c, uint64_t key, char *out, size_t cap)
{
	if (!c->dir)
		return false;
	int n = snprintf(out, cap, "%s/%016llx.spv", c->dir, (unsigned long long)key);
	return n > 0 && (size_t)n < cap;
}

bool spirv_cache_entry_path(const struct spirv_cache *c, const char *source,
			    const struct glsl_options *opts, char *out_path, size_t cap)
{
	struct glsl_options d = glsl_options_default();
	return key_path(c, entry_key(source, opts ? opts : &d), out_path, cap);
}

enum lookup { LOOKUP_MISS, LOOKUP_HIT, LOOKUP_CORRUPT };

/* Reads and checks an entry. Only a failed allocation is an error; anything
 * wrong with the file makes it LOOKUP_CORRUPT. */
static enum rwkvc_status read_entry(struct err *e, const char *path, uint64_t key,
				    enum lookup *out, uint32_t **out_words, size_t *out_n)
{
	struct stat sb;
	*out = LOOKUP_MISS;
	if (stat(path, &sb) != 0)
		return RWKVC_STATUS_OK;
	*out = LOOKUP_CORRUPT;
	struct err ignored = { 0 };
	struct file_map m;
	if (file_map_open(&ignored, path, &m) != RWKVC_STATUS_OK)
		return RWKVC_STATUS_OK;
	struct entry_header h;
	const size_t hs = sizeof h;
	if (m.size < hs + 4)
		goto done;
	memcpy(&h, m.data, hs);
	if (memcmp(h.magic, ENTRY_MAGIC, sizeof h.magic) != 0 || h.key != key ||
	    h.n_words != (m.size - hs) / 4 || hs + h.n_words * 4 != m.size)
		goto done;
	uint32_t first;
	memcpy(&first, m.data + hs, 4);
	if (first != SPIRV_MAGIC || XXH3_64bits(m.data + hs, m.size - hs) != h.checksum)
		goto done;
	uint32_t *w = mem_alloc(e, m.size - hs, "SPIR-V words");
	if (!w) {
		file_map_close(&m);
		return e->status;
	}
	memcpy(w, m.data + hs, m.size - hs);
	*out_words = w;
	*out_n = (size_t)h.n_words;
	*out = LOOKUP_HIT;
done:
	file_map_close(&m);
	return RWKVC_STATUS_OK;
}

/* Stores an entry; failure only counts (the words are good either way). */
static void write_entry(struct spirv_cache *c, const char *path, uint64_t key,
			const uint32_t *words, size_t n)
{
	struct entry_header h = { .key = key, .n_words = n,
				  .checksum = XXH3_64bits(words, n * 4) };
	memcpy(h.magic, ENTRY_MAGIC, sizeof h.magic);
	struct err e = { 0 };
	struct file_writer w;
	enum rwkvc_status st = file_writer_open(&e, path, &w);
	if (st == RWKVC_STATUS_OK) {
		st = file_writer_write(&e, &w, &h, sizeof h);
		if (st == RWKVC_STATUS_OK)
			st = file_writer_write(&e, &w, words, n * 4);
		st = st == RWKVC_STATUS_OK ? file_writer_commit(&e, &w) : st;
		file_writer_abort(&w);
	}
	if (st != RWKVC_STATUS_OK) {
		if (c->verbose && c->n_write_failures == 0)
			fprintf(stderr, "rwkvc: SPIR-V cache: %s\n", e.msg);
		c->n_write_failures++;
	}
}

enum rwkvc_status spirv_cache_get(struct err *e, struct spirv_cache *c, const char *source,
				  const char *name, const struct glsl_options *opts,
				  uint32_t **out_words, size_t *out_n)
{
	struct glsl_options d = glsl_options_default();
	const struct glsl_options *o = opts ? opts : &d;
	*out_words = NULL;
	*out_n = 0;
	uint64_t key = entry_key(source, o);
	char path[PATH_MAX_LEN];
	bool cached = key_path(c, key, path, sizeof path);
	if (cached) {
		enum lookup found;
		TRY(read_entry(e, path, key, &found, out_words, out_n));
		if (found == LOOKUP_HIT) {
			c->n_hits++;
			return RWKVC_STATUS_OK;
		}
		if (found == LOOKUP_CORRUPT)
			c->n_corrupt++;
	}
	c->n_compiles++;
	TRY(glsl_compile(e, source, name, o, out_words, out_n));
	if (cached)
		write_entry(c, path, key, *out_words, *out_n);
	return RWKVC_STATUS_OK;
}
