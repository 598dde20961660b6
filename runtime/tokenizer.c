/* tokenizer.c - the byte trie, greedy longest-match encoding and decoding; see tokenizer.h. */
#include "tokenizer.h"

#include <string.h>

#include "base/file.h"
#include "base/mem.h"

/* Node numbers share a 32-bit key with a byte, so they stay below 2^24. */
#define TRIE_MAX_NODES (1u << 24)

static size_t edge_hash(uint32_t key)
{
	uint32_t h = key * 0x9e3779b1u; /* Fibonacci hashing spreads neighbouring keys */
	return (size_t)(h ^ (h >> 15));
}

static uint32_t trie_child(const struct tokenizer *t, uint32_t node, uint8_t byte)
{
	uint32_t key = node << 8 | byte;
	for (size_t i = edge_hash(key) & t->edge_mask;; i = (i + 1) & t->edge_mask) {
		const struct trie_edge *s = &t->edges[i];
		if (s->child == 0)
			return 0;
		if (s->key == key)
			return s->child;
	}
}

static void edge_put(struct trie_edge *edges, size_t mask, struct trie_edge edge)
{
	size_t i = edge_hash(edge.key) & mask;
	while (edges[i].child)
		i = (i + 1) & mask;
	edges[i] = edge;
}

/* Doubles the edge table once it is half full, so probe runs stay short. */
static enum rwkvc_status edges_make_room(struct err *e, struct tokenizer *t)
{
	size_t cap = t->edge_mask + 1;
	if (t->edges && (t->n_edges + 1) * 2 <= cap)
		return RWKVC_STATUS_OK;
	size_t new_cap = t->edges ? cap * 2 : 1024;
	struct trie_edge *edges = mem_calloc(e, new_cap, sizeof *edges, "tokenizer trie");
	if (!edges)
		return e->status;
	for (size_t i = 0; t->edges && i < cap; i++)
		if (t->edges[i].child)
			edge_put(edges, new_cap - 1, t->edges[i]);
	mem_free(t->edges);
	t->edges = edges;
	t->edge_mask = new_cap - 1;
	return RWKVC_STATUS_OK;
}

/* The child of `node` along `byte`, made if missing. */
static enum rwkvc_status trie_step(struct err *e, const char *what, struct tokenizer *t,
				   uint32_t node, uint8_t byte, uint32_t *out_child)
{
	uint32_t child = trie_child(t, node, byte);
	if (!child) {
		if (t->n_nodes >= TRIE_MAX_NODES)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: more than %u distinct "
				       "token prefixes", what, TRIE_MAX_NODES);
		TRY(edges_make_room(e, t));
		TRY(mem_grow(e, (void **)&t->node_token, &t->node_cap, t->n_nodes + 1,
			     sizeof *t->node_token, "tokenizer trie"));
		child = t->n_nodes++;
		t->node_token[child] = 0;
		edge_put(t->edges, t->edge_mask, (struct trie_edge){ node << 8 | byte, child });
		t->n_edges++;
	}
	*out_child = child;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status trie_insert(struct err *e, const char *what, struct tokenizer *t,
				     int32_t id)
{
	const uint8_t *b = t->vocab.bytes + t->vocab.offset[id];
	uint32_t node = 0;
	for (uint32_t i = 0; i < t->vocab.len[id]; i++)
		TRY(trie_step(e, what, t, node, b[i], &node));
	if (t->node_token[node])
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: ids %d and %d are the same bytes, "
			       "so encoding could not choose", what, t->node_token[node], id);
	t->node_token[node] = id;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status tokenizer_build(struct err *e, const char *what, const char *text, size_t size,
				  struct tokenizer *out)
{
	memset(out, 0, sizeof *out);
	struct tokenizer t = { 0 };
	enum rwkvc_status st;
	TRY(vocab_parse(e, what, text, size, &t.vocab));
	TRY_GOTO(st, mem_grow(e, (void **)&t.node_token, &t.node_cap, 1, sizeof *t.node_token,
			      "tokenizer trie"), fail);
	t.node_token[0] = 0;
	t.n_nodes = 1; /* the root: the empty prefix */
	TRY_GOTO(st, edges_make_room(e, &t), fail); /* lookups need a table, even an empty one */
	for (int32_t id = 1; id < t.vocab.size; id++)
		if (t.vocab.len[id])
			TRY_GOTO(st, trie_insert(e, what, &t, id), fail);
	*out = t;
	return RWKVC_STATUS_OK;
fail:
	tokenizer_free(&t);
	return st;
}

enum rwkvc_status tokenizer_load(struct err *e, const char *path, struct tokenizer *out)
{
	struct file_map m;
	memset(out, 0, sizeof *out);
	TRY(file_map_open(e, path, &m));
	enum rwkvc_status st = tokenizer_build(e, path, (const char *)m.data, m.size, out);
	file_map_close(&m);
	return st;
}

void tokenizer_free(struct tokenizer *t)
{
	vocab_free(&t->vocab);
	mem_free(t->edges);
	mem_free(t->node_token);
	memset(t, 0, sizeof *t);
}

/* The longest token that starts text[0..len): its id and length (id 0 if none). */
static int32_t longest_match(const struct tokenizer *t, const uint8_t *text, size_t len,
			     size_t *out_len)
{
	int32_t best = 0;
	uint32_t node = 0;
	for (size_t j = 0; j < len; j++) {
		node = trie_child(t, node, text[j]);
		if (!node)
			break;
		if (t->node_token[node]) {
			best = t->node_token[node];
			*out_len = j + 1;
		}
	}
	return best;
}

enum rwkvc_status tokenizer_encode(struct err *e, const struct tokenizer *t, const uint8_t *text,
				   size_t len, int32_t *out_ids, size_t cap, size_t *out_n)
{
	size_t n = 0;
	*out_n = 0;
	for (size_t i = 0; i < len;) {
		size_t match_len = 0;
		int32_t id = longest_match(t, text + i, len - i, &match_len);
		if (!id)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "byte 0x%02x at offset %zu starts "
				       "no token of the vocabulary", text[i], i);
		if (n < cap)
			out_ids[n] = id;
		n++;
		i += match_len;
	}
	*out_n = n;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status tokenizer_token(struct err *e, const struct tokenizer *t, int32_t id, size_t pos,
				  const uint8_t **out_bytes, size_t *out_len)
{
	if (id < 0 || id >= t->vocab.size)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "token id %d (at position %zu) is out "
			       "of range: the vocabulary has ids 0 to %d", id, pos, t->vocab.size - 1);
	if (id != 0 && t->vocab.len[id] == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "token id %d (at position %zu) has no "
			       "line in the vocabulary", id, pos);
	*out_bytes = t->vocab.bytes + t->vocab.offset[id];
	*out_len = t->vocab.len[id];
	return RWKVC_STATUS_OK;
}

enum rwkvc_status tokenizer_decoded_len(struct err *e, const struct tokenizer *t,
					const int32_t *ids, size_t n, size_t *out_len)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *bytes;
		size_t len = 0;
		TRY(tokenizer_token(e, t, ids[i], i, &bytes, &len));
		total += len;
	}
	*out_len = total;
	return RWKVC_STATUS_OK;
}

void tokenizer_decode_checked(const struct tokenizer *t, const int32_t *ids, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t len = t->vocab.len[ids[i]];
		memcpy(out, t->vocab.bytes + t->vocab.offset[ids[i]], len);
		out += len;
	}
}
