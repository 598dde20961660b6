/*
 * vocab.h - reading the RWKV World vocabulary file (rwkv_vocab_v20230424.txt).
 *
 * One token per line: `<id> <literal> <byte length>`, where the literal is a
 * Python str literal ('...' or "...", whose escapes are code points and whose
 * bytes are its UTF-8 form) or a bytes literal (b'...', escapes are raw bytes).
 * Id 0 is <|endoftext|> and has no line; it has no bytes. Every line is
 * checked: its literal must decode to exactly the stated byte length, ids must
 * be unique and positive, tokens non-empty. Errors name "path:line".
 */
#ifndef RWKVC_RUNTIME_VOCAB_H
#define RWKVC_RUNTIME_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* Ids are kept below this so that a typo cannot ask for gigabytes of tables. */
#define VOCAB_MAX_ID ((1 << 24) - 1)

struct vocab {
	int32_t size;     /* ids run over [0, size): the largest id + 1 */
	int32_t n_tokens; /* ids that have bytes (lines read) */
	uint32_t *offset; /* [size]: where each id's bytes start in `bytes` */
	uint32_t *len;    /* [size]: each id's byte length; 0 for id 0 and ids with no line */
	uint8_t *bytes;   /* every token's bytes, back to back */
	uint32_t max_len; /* the longest token, in bytes */
};

/* Parses a vocabulary held in text[0..size). `what` names it in messages
 * ("vocab.txt:12: ..."). On failure *out is empty and needs no vocab_free.
 * Errors: BAD_FORMAT, NO_MEMORY. */
enum rwkvc_status vocab_parse(struct err *e, const char *what, const char *text, size_t size,
			      struct vocab *out);
void vocab_free(struct vocab *v);

#endif
