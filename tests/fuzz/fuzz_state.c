/* fuzz_state.c - the state-file reader (runtime/state_file.h). A state file
 * ends in an xxhash64 of everything before it and states its own size, so a
 * mutated file would almost never get past the envelope: the harness writes
 * the true size and checksum into a copy first (the envelope's own refusals
 * are covered by tests/test_state_file.c and the seeds). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "fuzz.h"
#include "runtime/state_file.h"

static void put_u64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

FUZZ_ENTRY(state)
{
	uint8_t *copy = malloc(size ? size : 1); /* exact size: overruns show under ASan */
	memcpy(copy, data, size);
	if (size >= STATE_FILE_HEADER + 8) {
		put_u64(copy + 16, size);
		put_u64(copy + size - 8, XXH64(copy, size - 8, 0));
	}
	struct err e = { 0 };
	struct state_file sf;
	if (state_file_parse(&e, copy, size, "fuzz.state", &sf)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		free(copy);
		return 0;
	}
	/* what the parser promises (state_file.h) */
	const struct state_file_model *m = &sf.model;
	FUZZ_CHECK(m->n_slots >= 1 && m->n_slots <= STATE_FILE_MAX_SLOTS);
	uint64_t total = 0;
	for (int s = 0; s < m->n_slots; s++) {
		uint64_t n = 1;
		for (int d = 0; d < m->slot[s].rank; d++)
			n *= (uint64_t)m->slot[s].shape[d];
		total += n;
	}
	FUZZ_CHECK(total == m->n_floats);
	FUZZ_CHECK(sf.floats >= copy && sf.floats + 4 * m->n_floats <= copy + size);
	FUZZ_CHECK(sf.pending_token >= -1 && sf.pending_token < (int64_t)m->vocab);
	for (uint64_t i = 0; i < m->n_floats; i++)
		FUZZ_CHECK(isfinite(state_file_f32(sf.floats + 4 * i)));
	if (sf.has_sampler) {
		FUZZ_CHECK(sf.vocab_limit >= 1 && (uint32_t)sf.vocab_limit <= m->vocab);
		FUZZ_CHECK(sf.rng[0] | sf.rng[1] | sf.rng[2] | sf.rng[3]);
		uint32_t last = 0;
		for (uint32_t i = 0; i < sf.n_counts; i++) {
			uint32_t id = state_file_u32(sf.counts + 12 * i);
			FUZZ_CHECK(id < (uint32_t)sf.vocab_limit && (i == 0 || id > last));
			last = id;
		}
	}
	free(copy);
	return 0;
}
