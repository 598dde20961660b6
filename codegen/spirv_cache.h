/*
 * spirv_cache.h - compiled SPIR-V kept on disk, so a second run compiles nothing.
 *
 * Entries live in $XDG_CACHE_HOME/rwkvc (else ~/.cache/rwkvc), one file per
 * kernel named by the 64-bit xxhash (XXH3) of the compiler version, the
 * compile options and the source. A file is trusted only after its header,
 * its length, the SPIR-V magic and a checksum of the words all check out; a
 * file that fails any check is counted as corrupt, ignored and rewritten.
 * Writes are atomic (file_writer), so concurrent processes at worst compile
 * the same kernel twice.
 *
 * RWKVC_NO_CACHE=1 turns the cache off (every lookup compiles). If the
 * directory cannot be created the cache is off too, silently unless
 * `verbose` (one line on stderr); compiling still works.
 *
 * A struct spirv_cache is used by one thread at a time.
 */
#ifndef RWKVC_CODEGEN_SPIRV_CACHE_H
#define RWKVC_CODEGEN_SPIRV_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "codegen/glsl_compile.h"

struct spirv_cache {
	char *dir; /* NULL: no cache, compile every time */
	bool verbose;
	/* what happened since spirv_cache_open */
	uint64_t n_compiles; /* kernels compiled (cache misses and uncached lookups) */
	uint64_t n_hits;     /* kernels read back from disk */
	uint64_t n_corrupt;  /* entries found damaged, ignored and rewritten */
	uint64_t n_write_failures; /* entries that could not be stored (not an error) */
};

/* Opens the cache in `dir`, or in the default directory when `dir` is NULL.
 * Never fails for a missing or unwritable directory (the cache is then off);
 * errors: NO_MEMORY. Release with spirv_cache_close. */
enum rwkvc_status spirv_cache_open(struct err *e, const char *dir, bool verbose,
				   struct spirv_cache *out_cache);
void spirv_cache_close(struct spirv_cache *c);

/* SPIR-V for `source` compiled with `opts` (NULL: glsl_options_default()):
 * from the cache when a valid entry exists, else compiled and stored. Same
 * contract and errors as glsl_compile(); *out_words is freed with mem_free. */
enum rwkvc_status spirv_cache_get(struct err *e, struct spirv_cache *c, const char *source,
				  const char *name, const struct glsl_options *opts,
				  uint32_t **out_words, size_t *out_n);

/* The file that holds (or would hold) the entry for this source and options,
 * written into out_path (size `cap`). False when the cache is off. For tests
 * and for `rwkvc dump`. */
bool spirv_cache_entry_path(const struct spirv_cache *c, const char *source,
			    const struct glsl_options *opts, char *out_path, size_t cap);

#endif
