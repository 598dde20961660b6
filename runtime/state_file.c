/* state_file.c - reading and writing the state file format; see state_file.h and docs/state-file.md. */
#include "state_file.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY /* XXH64_state_t on the stack: no allocation to fail */
#include <xxhash.h>

#include "base/file.h"
#include "base/mem.h"

/* ---- little-endian values, whatever the host's order ---- */

uint32_t state_file_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t state_file_u64(const uint8_t *p) { return state_file_u32(p) | (uint64_t)state_file_u32(p + 4) << 32; }

float state_file_f32(const uint8_t *p)
{
	uint32_t u = state_file_u32(p);
	float f;
	memcpy(&f, &u, sizeof f);
	return f;
}

static double get_f64(const uint8_t *p)
{
	uint64_t u = state_file_u64(p);
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

/* ---- parsing ---- */

/* A bounds-checked cursor over the body of a file whose checksum held. */
struct reader {
	struct err *e;
	const char *name;
	const uint8_t *data;
	size_t off, end;
};

/* Points *out at the next n bytes. A file whose checksum held but whose
 * fields run past its end was made wrongly, not damaged: "malformed". */
static enum rwkvc_status take(struct reader *r, size_t n, const char *what, const uint8_t **out)
{
	if (n > r->end - r->off)
		return err_set(r->e, RWKVC_STATUS_BAD_FORMAT, "%s: malformed state file: %s at byte %zu runs past the end (%zu bytes)",
			       r->name, what, r->off, r->end);
	*out = r->data + r->off;
	r->off += n;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status take_u32(struct reader *r, const char *what, uint32_t *out)
{
	const uint8_t *p = NULL;
	TRY(take(r, 4, what, &p));
	*out = state_file_u32(p);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status take_u64(struct reader *r, const char *what, uint64_t *out)
{
	const uint8_t *p = NULL;
	TRY(take(r, 8, what, &p));
	*out = state_file_u64(p);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status malformed(struct reader *r, const char *fmt, ...) ERR_PRINTF(2, 3);
static enum rwkvc_status malformed(struct reader *r, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(r->e, RWKVC_STATUS_BAD_FORMAT, "%s: malformed state file: %s", r->name, msg);
}

/* Magic, version, flags, size and checksum: what says "this is a whole, intact state file". */
static enum rwkvc_status check_envelope(struct err *e, const uint8_t *d, size_t size, const char *name)
{
	const size_t m = sizeof STATE_FILE_MAGIC - 1;
	if (memcmp(d, STATE_FILE_MAGIC, size < m ? size : m) != 0)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: not an rwkvc state file (it does not start with '%s')",
			       name, STATE_FILE_MAGIC);
	if (size < STATE_FILE_HEADER + 8)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: truncated state file: %zu bytes, not even a header", name,
			       size);
	uint32_t version = state_file_u32(d + 8), flags = state_file_u32(d + 12);
	if (version != STATE_FILE_VERSION)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: state file version %u is not supported (this build reads version %d)",
			       name, version, STATE_FILE_VERSION);
	if (flags != 0)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: state file flags 0x%x are not supported (version %d has none)",
			       name, flags, STATE_FILE_VERSION);
	uint64_t declared = state_file_u64(d + 16);
	if (declared > size)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: truncated state file: %zu of its %llu bytes", name, size,
			       (unsigned long long)declared);
	if (declared < size)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: %llu bytes after the end of the state file (%llu bytes)",
			       name, (unsigned long long)(size - declared), (unsigned long long)declared);
	uint64_t stored = state_file_u64(d + size - 8), computed = XXH64(d, size - 8, 0);
	if (stored != computed)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: state file checksum mismatch (stored %016llx, computed %016llx): "
			       "the file is damaged", name, (unsigned long long)stored, (unsigned long long)computed);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_model(struct reader *r, struct state_file_model *m)
{
	uint32_t *fields[] = { &m->n_layer, &m->n_embd, &m->n_head, &m->head_size, &m->vocab };
	static const char *const names[] = { "n_layer", "n_embd", "n_head", "head_size", "vocab" };
	for (int i = 0; i < 5; i++) {
		TRY(take_u32(r, names[i], fields[i]));
		if (*fields[i] == 0 || *fields[i] > INT32_MAX)
			return malformed(r, "%s is %u (must be 1 to %d)", names[i], *fields[i], INT32_MAX);
	}
	uint32_t n_slots;
	TRY(take_u32(r, "the number of state slots", &n_slots));
	if (n_slots < 1 || n_slots > STATE_FILE_MAX_SLOTS)
		return malformed(r, "%u state slots (must be 1 to %d)", n_slots, STATE_FILE_MAX_SLOTS);
	m->n_slots = (int)n_slots;
	uint64_t total = 0;
	for (int s = 0; s < m->n_slots; s++) {
		struct state_file_slot *sl = &m->slot[s];
		uint32_t len, rank;
		const uint8_t *p = NULL;
		TRY(take_u32(r, "a slot name's length", &len));
		if (len < 1 || len > STATE_FILE_MAX_NAME)
			return malformed(r, "slot %d's name is %u bytes (must be 1 to %d)", s, len, STATE_FILE_MAX_NAME);
		TRY(take(r, len, "a slot name", &p));
		memcpy(sl->name, p, len);
		sl->name[len] = 0;
		if (strlen(sl->name) != len)
			return malformed(r, "slot %d's name holds a NUL", s);
		TRY(take_u32(r, "a slot's rank", &rank));
		if (rank < 1 || rank > 4)
			return malformed(r, "slot '%s' has rank %u (must be 1 to 4)", sl->name, rank);
		sl->rank = (int)rank;
		uint64_t numel = 1;
		for (int d = 0; d < sl->rank; d++) {
			uint64_t dim;
			TRY(take_u64(r, "a slot's dimension", &dim));
			/* each dimension and product stays below 2^32: no overflow, and far above any real state */
			if (dim < 1 || dim > UINT32_MAX || numel * dim > UINT32_MAX)
				return malformed(r, "slot '%s': dimension %d is %llu (the slot must hold 1 to %u values)",
						 sl->name, d, (unsigned long long)dim, UINT32_MAX);
			sl->shape[d] = (int64_t)dim;
			numel *= dim;
		}
		total += numel;
	}
	TRY(take_u64(r, "the number of state values", &m->n_floats));
	if (m->n_floats != total)
		return malformed(r, "%llu state values, but the slots' shapes add up to %llu",
				 (unsigned long long)m->n_floats, (unsigned long long)total);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_state(struct reader *r, struct state_file *f)
{
	TRY(take(r, f->model.n_floats * 4, "the state values", &f->floats));
	for (uint64_t i = 0; i < f->model.n_floats; i++)
		if (!isfinite(state_file_f32(f->floats + 4 * i)))
			return err_set(r->e, RWKVC_STATUS_NOT_FINITE, "%s: state value %llu is not finite", r->name,
				       (unsigned long long)i);
	uint32_t pending;
	TRY(take_u32(r, "the pending token", &pending));
	f->pending_token = (int32_t)pending;
	if (f->pending_token < -1 || f->pending_token >= (int64_t)f->model.vocab)
		return malformed(r, "the pending token %d is outside [-1, %u)", (int)f->pending_token, f->model.vocab);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_sampler(struct reader *r, struct state_file *f)
{
	uint32_t present, limit;
	TRY(take_u32(r, "the sampler flag", &present));
	if (present > 1)
		return malformed(r, "the sampler flag is %u (must be 0 or 1)", present);
	f->has_sampler = (int)present;
	if (!present)
		return RWKVC_STATUS_OK;
	TRY(take_u32(r, "the sampler's vocab_limit", &limit));
	if (limit < 1 || limit > f->model.vocab)
		return malformed(r, "the sampler's vocab_limit is %u (must be 1 to the vocab, %u)", limit, f->model.vocab);
	f->vocab_limit = (int32_t)limit;
	for (int i = 0; i < 4; i++)
		TRY(take_u64(r, "the sampler's generator", &f->rng[i]));
	if (!(f->rng[0] | f->rng[1] | f->rng[2] | f->rng[3]))
		return malformed(r, "the sampler's generator state is all zero");
	if (f->pending_token >= f->vocab_limit)
		return malformed(r, "the pending token %d is outside the sampler's [0, %d)", (int)f->pending_token,
				 (int)f->vocab_limit);
	TRY(take_u32(r, "the number of penalty counts", &f->n_counts));
	if (f->n_counts > limit)
		return malformed(r, "%u penalty counts, more than the %u ids", f->n_counts, limit);
	TRY(take(r, (size_t)f->n_counts * 12, "the penalty counts", &f->counts));
	int64_t prev = -1;
	for (uint32_t i = 0; i < f->n_counts; i++) {
		uint32_t id = state_file_u32(f->counts + 12 * i);
		double c = get_f64(f->counts + 12 * i + 4);
		if ((int64_t)id <= prev || id >= limit)
			return malformed(r, "penalty count %u: id %u is out of order or not below %u", i, id, limit);
		if (!(c > 0) || !isfinite(c))
			return malformed(r, "penalty count %u: the count of id %u is %g, not a finite positive number", i, id, c);
		prev = id;
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status state_file_parse(struct err *e, const void *data, size_t size, const char *name,
				   struct state_file *out)
{
	memset(out, 0, sizeof *out);
	if (!data && size)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: data is NULL but its size is %zu", name, size);
	TRY(check_envelope(e, data ? data : "", size, name));
	struct reader r = { e, name, data, STATE_FILE_HEADER, size - 8 };
	TRY(parse_model(&r, &out->model));
	TRY(parse_state(&r, out));
	TRY(parse_sampler(&r, out));
	if (r.off != r.end)
		return malformed(&r, "%zu bytes at byte %zu that no field covers", r.end - r.off, r.off);
	return RWKVC_STATUS_OK;
}

/* ---- writing ---- */

/* Streams bytes to the atomic writer and the checksum; the first failure sticks. */
struct writer {
	struct err *e;
	struct file_writer fw;
	XXH64_state_t hash;
	enum rwkvc_status status;
	size_t n;
	uint8_t buf[1 << 14];
};

static void flush(struct writer *w)
{
	if (!w->status && w->n) {
		XXH64_update(&w->hash, w->buf, w->n);
		w->status = file_writer_write(w->e, &w->fw, w->buf, w->n);
	}
	w->n = 0;
}

static void put(struct writer *w, const void *p, size_t n)
{
	const uint8_t *b = p;
	while (n) {
		if (w->n == sizeof w->buf)
			flush(w);
		size_t k = sizeof w->buf - w->n < n ? sizeof w->buf - w->n : n;
		memcpy(w->buf + w->n, b, k);
		w->n += k;
		b += k;
		n -= k;
	}
}

static void put_u32(struct writer *w, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
	put(w, b, 4);
}

static void put_u64(struct writer *w, uint64_t v)
{
	put_u32(w, (uint32_t)v);
	put_u32(w, (uint32_t)(v >> 32));
}

static uint64_t file_size(const struct state_file_content *c, uint32_t n_counts)
{
	const struct state_file_model *m = c->model;
	uint64_t n = STATE_FILE_HEADER + 6 * 4;
	for (int s = 0; s < m->n_slots; s++)
		n += 4 + strlen(m->slot[s].name) + 4 + 8 * (uint64_t)m->slot[s].rank;
	n += 8 + 4 * m->n_floats + 4 + 4;
	if (c->has_sampler)
		n += 4 + 32 + 4 + 12 * (uint64_t)n_counts;
	return n + 8;
}

static void put_body(struct writer *w, const struct state_file_content *c, uint32_t n_counts)
{
	const struct state_file_model *m = c->model;
	put(w, STATE_FILE_MAGIC, 8);
	put_u32(w, STATE_FILE_VERSION);
	put_u32(w, 0);
	put_u64(w, file_size(c, n_counts));
	const uint32_t shape[] = { m->n_layer, m->n_embd, m->n_head, m->head_size, m->vocab, (uint32_t)m->n_slots };
	for (int i = 0; i < 6; i++)
		put_u32(w, shape[i]);
	for (int s = 0; s < m->n_slots; s++) {
		put_u32(w, (uint32_t)strlen(m->slot[s].name));
		put(w, m->slot[s].name, strlen(m->slot[s].name));
		put_u32(w, (uint32_t)m->slot[s].rank);
		for (int d = 0; d < m->slot[s].rank; d++)
			put_u64(w, (uint64_t)m->slot[s].shape[d]);
	}
	put_u64(w, m->n_floats);
	for (uint64_t i = 0; i < m->n_floats; i++) {
		uint32_t u;
		memcpy(&u, &c->state[i], 4);
		put_u32(w, u);
	}
	put_u32(w, (uint32_t)c->pending_token);
	put_u32(w, c->has_sampler ? 1 : 0);
	if (!c->has_sampler)
		return;
	put_u32(w, (uint32_t)c->vocab_limit);
	for (int i = 0; i < 4; i++)
		put_u64(w, c->rng[i]);
	put_u32(w, n_counts);
	for (int32_t id = 0; id < c->vocab_limit; id++) {
		if (!(c->counts[id] > 0))
			continue;
		uint64_t u;
		memcpy(&u, &c->counts[id], 8);
		put_u32(w, (uint32_t)id);
		put_u64(w, u);
	}
}

enum rwkvc_status state_file_write(struct err *e, const char *path, const struct state_file_content *c)
{
	uint32_t n_counts = 0;
	for (int32_t id = 0; c->has_sampler && id < c->vocab_limit; id++)
		n_counts += c->counts[id] > 0;
	struct writer *w = mem_alloc(e, sizeof *w, "state file buffer");
	if (!w)
		return e->status;
	w->e = e;
	w->n = 0;
	w->status = file_writer_open(e, path, &w->fw);
	if (w->status) {
		mem_free(w);
		return e->status;
	}
	XXH64_reset(&w->hash, 0);
	put_body(w, c, n_counts);
	flush(w);
	/* the checksum itself is not checksummed: write it past the hash */
	uint8_t sum[8];
	uint64_t h = XXH64_digest(&w->hash);
	for (int i = 0; i < 8; i++)
		sum[i] = (uint8_t)(h >> (8 * i));
	enum rwkvc_status st = w->status;
	if (!st)
		st = file_writer_write(e, &w->fw, sum, sizeof sum);
	if (!st)
		st = file_writer_commit(e, &w->fw);
	else
		file_writer_abort(&w->fw);
	mem_free(w);
	return st;
}
