/*
 * tokenizer.h - the RWKV World tokenizer: greedy longest match over UTF-8
 * bytes, as the official one does (no normalisation, no pre-splitting, no
 * special tokens), and the reverse, ids to bytes.
 *
 * Matching walks a byte trie whose edges live in one open-addressing hash
 * table keyed by (node, byte): about 116k nodes for the official vocabulary,
 * a few MB, and one probe per byte looked at. Encoding a text never produces
 * id 0 (<|endoftext|> has no bytes, so it is not in the trie).
 *
 * The tokenizer is read-only once built, so one may serve many threads.
 */
#ifndef RWKVC_RUNTIME_TOKENIZER_H
#define RWKVC_RUNTIME_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "vocab.h"

struct trie_edge {
	uint32_t key;   /* parent node << 8 | byte */
	uint32_t child; /* 0: the slot is free (the root is nobody's child) */
};

struct tokenizer {
	struct vocab vocab;
	struct trie_edge *edges; /* hash table, edge_mask + 1 slots (a power of two) */
	size_t edge_mask, n_edges;
	int32_t *node_token; /* [n_nodes]: the id whose bytes end at the node, 0 if none */
	uint32_t n_nodes;
	size_t node_cap;
};

/* Reads the vocabulary file at `path` and builds the matcher. On failure *out
 * is empty and needs no tokenizer_free. Errors: IO, BAD_FORMAT, NO_MEMORY. */
enum rwkvc_status tokenizer_load(struct err *e, const char *path, struct tokenizer *out);
/* The same from a vocabulary already in memory; `what` names it in messages. */
enum rwkvc_status tokenizer_build(struct err *e, const char *what, const char *text, size_t size,
				  struct tokenizer *out);
void tokenizer_free(struct tokenizer *t);

/* Encodes text[0..len) into ids. At most `len` ids ever result. The first
 * min(count, cap) go to out_ids (which may be NULL when cap is 0); *out_n is the
 * full count either way, so a short buffer is the caller's to detect.
 * Errors: UNSUPPORTED (a byte no token starts with; never with the official
 * vocabulary, which has all 256 single bytes). */
enum rwkvc_status tokenizer_encode(struct err *e, const struct tokenizer *t, const uint8_t *text,
				   size_t len, int32_t *out_ids, size_t cap, size_t *out_n);

/* The bytes of one id (none for id 0). Errors: BAD_ARGUMENT (id out of range or
 * without a line in the vocabulary); `pos` is the id's place in the caller's
 * list, for the message. */
enum rwkvc_status tokenizer_token(struct err *e, const struct tokenizer *t, int32_t id, size_t pos,
				  const uint8_t **out_bytes, size_t *out_len);

/* The byte count that ids[0..n) decode to, checking every id (see tokenizer_token). */
enum rwkvc_status tokenizer_decoded_len(struct err *e, const struct tokenizer *t,
					const int32_t *ids, size_t n, size_t *out_len);
/* Writes the bytes of ids[0..n) to out, which must hold tokenizer_decoded_len
 * bytes; the ids must have been checked by it. */
void tokenizer_decode_checked(const struct tokenizer *t, const int32_t *ids, size_t n, char *out);

#endif
