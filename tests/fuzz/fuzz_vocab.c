/* fuzz_vocab.c - the vocabulary parser and trie builder on a whole vocabulary
 * file. A vocabulary that loads must then encode each token's own bytes to
 * exactly that token (the longest match of a token's bytes is the token). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "runtime/tokenizer.h"

/* checking every token of a large vocabulary would slow the fuzzer down */
enum { MAX_CHECKED = 512 };

FUZZ_ENTRY(vocab)
{
	struct err e = { 0 };
	struct tokenizer t;
	if (tokenizer_build(&e, "fuzz.vocab", (const char *)data, size, &t)) {
		FUZZ_CHECK(e.msg[0] && t.vocab.size == 0 && t.edges == NULL);
		return 0;
	}
	const struct vocab *v = &t.vocab;
	FUZZ_CHECK(v->n_tokens > 0 && v->n_tokens < v->size && v->len[0] == 0);
	int checked = 0;
	for (int32_t id = 1; id < v->size && checked < MAX_CHECKED; id++) {
		if (!v->len[id])
			continue;
		checked++;
		FUZZ_CHECK(v->len[id] <= v->max_len);
		const uint8_t *bytes;
		size_t len;
		FUZZ_CHECK(tokenizer_token(&e, &t, id, 0, &bytes, &len) == RWKVC_STATUS_OK);
		FUZZ_CHECK(len == v->len[id]);
		int32_t got[2];
		size_t n;
		FUZZ_CHECK(tokenizer_encode(&e, &t, bytes, len, got, 2, &n) == RWKVC_STATUS_OK);
		FUZZ_CHECK(n == 1 && got[0] == id);
	}
	tokenizer_free(&t);
	return 0;
}
