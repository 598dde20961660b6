/*
 * plan_file.c - the plan file container: framing, checksum, the CONF
 * section, and rebuilding the graph (see plan_file.h for the layout).
 */
#include "plan_file.h"
#include "dce.h"

#include <string.h>
#include <xxhash.h>

#include "base/file.h"
#include "base/mem.h"
#include "graph/src.h"
#include "plan_file_internal.h"

/* magic, format version, file size */
enum { HEAD_BYTES = 8 + 4 + 8, CHECKSUM_BYTES = 8 };

static const char section_tags[][5] = { "CONF", "KERN", "BUFS", "COPY", "CODE" };
enum { N_SECTIONS = sizeof section_tags / sizeof section_tags[0] };

void plan_code_destroy(struct plan_code *c)
{
	for (int32_t i = 0; i < c->n_blobs; i++) {
		mem_free(c->blobs[i].glsl);
		mem_free(c->blobs[i].words);
	}
	mem_free(c->blobs);
	mem_free(c->kernel_blob);
	memset(c, 0, sizeof *c);
}

void plan_file_init(struct plan_file *pf)
{
	memset(pf, 0, sizeof *pf);
	arena_init(&pf->arena);
	pf->opts = pipeline_options_default();
	graph_init(&pf->graph);
}

void plan_file_destroy(struct plan_file *pf)
{
	plan_destroy(&pf->plan);
	plan_code_destroy(&pf->code);
	graph_destroy(&pf->graph);
	arena_destroy(&pf->arena);
	memset(pf, 0, sizeof *pf);
}

/* ---- the graph ---- */

enum rwkvc_status plan_file_set_graph(struct err *e, struct plan_file *pf, const char *yaml, size_t len,
				      const char *yaml_file, const char *const *names, const int64_t *values, int n)
{
	pf->yaml = arena_strndup(&pf->arena, e, yaml, len);
	pf->yaml_file = arena_strdup(&pf->arena, e, yaml_file);
	pf->sym_names = arena_alloc(&pf->arena, e, (size_t)n * sizeof *pf->sym_names + 1);
	pf->sym_values = arena_alloc(&pf->arena, e, (size_t)n * sizeof *pf->sym_values + 1);
	if (!pf->yaml || !pf->yaml_file || !pf->sym_names || !pf->sym_values)
		return e->status;
	pf->yaml_len = len;
	for (int i = 0; i < n; i++) {
		if (!(pf->sym_names[i] = arena_strdup(&pf->arena, e, names[i])))
			return e->status;
		pf->sym_values[i] = values[i];
	}
	pf->n_syms = n;
	struct graph_src *src;
	TRY(graph_src_parse(e, pf->yaml, len, pf->yaml_file, &src));
	enum rwkvc_status st = graph_src_bind_values(e, src, pf->sym_names, pf->sym_values, n);
	if (!st)
		st = graph_build(e, src, &pf->graph);
	graph_src_destroy(src);
	TRY(st);
	TRY(pass_dce(e, &pf->graph, NULL));
	pf->has_graph = true;
	pf->model = pf->graph.name;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status plan_file_compile(struct err *e, struct plan_file *pf, const struct pipeline_options *o,
				    struct strbuf *report, struct strbuf *printed)
{
	plan_destroy(&pf->plan);
	pf->opts = *o;
	pf->opts.print_after = -1;
	pf->opts.verbose = false;
	pf->opts.file_dtype = NULL; /* the caller's; the plan's per-tensor types record its effect */
	return pipeline_run(e, &pf->graph, o, &pf->plan, report, printed);
}

/* ---- CONF ---- */

static void write_target(struct strbuf *b, const struct plan_code *c)
{
	pf_put_u8(b, c->has_target);
	if (!c->has_target)
		return;
	/* field by field; a field codegen_target gains must be added here, to
	 * plan_code's equality and to read_target */
	pf_put_u32(b, c->target.subgroup_size);
	pf_put_u8(b, c->target.subgroup_arithmetic);
	pf_put_u8(b, c->target.f16_storage);
	pf_put_u8(b, c->target.f16_math);
	pf_put_u8(b, c->target.int8_storage);
	pf_put_u32(b, c->target.max_shared_bytes);
	pf_put_u32(b, c->target.max_workgroup_invocations);
	pf_put_u8(b, c->target.cpu);
}

static void read_target(struct pf_reader *r, struct plan_code *c)
{
	c->has_target = pf_bool(r);
	if (!c->has_target)
		return;
	memset(&c->target, 0, sizeof c->target);
	c->target.subgroup_size = pf_u32(r);
	c->target.subgroup_arithmetic = pf_bool(r);
	c->target.f16_storage = pf_bool(r);
	c->target.f16_math = pf_bool(r);
	c->target.int8_storage = pf_bool(r);
	c->target.max_shared_bytes = pf_u32(r);
	c->target.max_workgroup_invocations = pf_u32(r);
	c->target.cpu = pf_bool(r);
}

static void write_config(struct strbuf *b, const struct plan_file *pf)
{
	const struct pipeline_options *o = &pf->opts;
	pf_put_str(b, pf->model);
	pf_put_str(b, pf->yaml_file);
	pf_put_str(b, pf->yaml);
	pf_put_u32(b, (uint32_t)pf->n_syms);
	for (int32_t i = 0; i < pf->n_syms; i++) {
		pf_put_str(b, pf->sym_names[i]);
		pf_put_i64(b, pf->sym_values[i]);
	}
	pf_put_i64(b, pf->plan.t_max);
	pf_put_u32(b, (uint32_t)pf->plan.act);
	pf_put_u32(b, (uint32_t)pf->plan.weight);
	pf_put_u32(b, PASS_COUNT);
	for (int p = 0; p < PASS_COUNT; p++)
		pf_put_u8(b, o->pass_on[p]);
	pf_put_u32(b, GROUP_KIND_COUNT);
	for (int k = 0; k < GROUP_KIND_COUNT; k++)
		pf_put_u8(b, o->fuse.enable[k]);
	pf_put_u64(b, o->align);
	pf_put_str(b, pf->quant);
	write_target(b, &pf->code);
}

static enum rwkvc_status read_config(struct pf_reader *r, struct plan_file *pf)
{
	struct pipeline_options *o = &pf->opts;
	const char *model = pf_str(r), *yaml_file = pf_str(r), *yaml = pf_str(r);
	uint32_t n = pf_count(r, 12, 4096, "symbols");
	const char **names = arena_alloc(r->arena, r->e, (size_t)n * sizeof *names + 1);
	int64_t *values = arena_alloc(r->arena, r->e, (size_t)n * sizeof *values + 1);
	if (!names || !values)
		return r->st = r->e->status;
	for (uint32_t i = 0; i < n; i++) {
		names[i] = pf_str(r);
		values[i] = pf_i64(r);
	}
	int64_t t_max = pf_i64(r);
	enum dtype act = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
	enum dtype weight = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
	if (pf_u32(r) != PASS_COUNT && !r->st)
		return pf_fail(r, "the pass list does not match this rwkvc's passes");
	for (int p = 0; p < PASS_COUNT; p++)
		o->pass_on[p] = pf_bool(r);
	if (pf_u32(r) != GROUP_KIND_COUNT && !r->st)
		return pf_fail(r, "the fusion rule list does not match this rwkvc's rules");
	for (int k = 0; k < GROUP_KIND_COUNT; k++)
		o->fuse.enable[k] = pf_bool(r);
	o->align = pf_u64(r);
	const char *quant = pf_str(r);
	read_target(r, &pf->code);
	TRY(r->st);
	if (t_max < 1 || t_max > (1 << 24) || (act != DTYPE_F32 && act != DTYPE_F16) ||
	    (weight != DTYPE_F32 && weight != DTYPE_F16) || !o->align || (o->align & (o->align - 1)))
		return pf_fail(r, "t_max %lld, dtypes %s/%s or alignment %llu out of range", (long long)t_max, dtype_name(act),
			       dtype_name(weight), (unsigned long long)o->align);
	o->t_max = t_max;
	o->act = act;
	o->weight = weight;
	pf->quant = *quant ? quant : NULL;
	enum rwkvc_status st = plan_file_set_graph(r->e, pf, yaml, strlen(yaml), yaml_file, names, values, (int)n);
	if (st)
		return r->st = err_context(r->e, "%s: the plan's graph (%s)", r->what, yaml_file);
	if (strcmp(model, pf->graph.name ? pf->graph.name : "") != 0)
		return pf_fail(r, "the plan is for model '%s' but its YAML describes '%s'", model, pf->graph.name);
	plan_init(&pf->plan, &pf->graph);
	pf->plan.t_max = t_max;
	pf->plan.act = act;
	pf->plan.weight = weight;
	return RWKVC_STATUS_OK;
}

/* ---- the file ---- */

static void begin_section(struct strbuf *b, const char *tag, size_t *at)
{
	strbuf_append_n(b, tag, 4);
	*at = b->len;
	pf_put_u64(b, 0); /* the payload size, patched by end_section */
}

static void patch_u64(struct strbuf *b, size_t at, uint64_t v)
{
	if (strbuf_status(b))
		return;
	for (int i = 0; i < 8; i++)
		b->data[at + (size_t)i] = (char)(v >> (8 * i));
}

static void end_section(struct strbuf *b, size_t at) { patch_u64(b, at, b->len - at - 8); }

enum rwkvc_status plan_file_serialize(struct err *e, const struct plan_file *pf, struct strbuf *b)
{
	size_t start = b->len, at;
	strbuf_append_n(b, PLAN_FILE_MAGIC, 8);
	pf_put_u32(b, PLAN_FILE_FORMAT);
	size_t size_at = b->len;
	pf_put_u64(b, 0);
	pf_put_str(b, PLAN_RWKVC_VERSION);
	pf_put_u32(b, N_SECTIONS);
	begin_section(b, "CONF", &at);
	write_config(b, pf);
	end_section(b, at);
	begin_section(b, "KERN", &at);
	pf_write_kernels(b, &pf->plan);
	end_section(b, at);
	begin_section(b, "BUFS", &at);
	pf_write_buffers(b, &pf->plan);
	end_section(b, at);
	begin_section(b, "COPY", &at);
	pf_write_copies(b, &pf->plan);
	end_section(b, at);
	begin_section(b, "CODE", &at);
	pf_write_code(b, &pf->code, pf->plan.n_kernels);
	end_section(b, at);
	patch_u64(b, size_at, b->len - start + CHECKSUM_BYTES);
	TRY(strbuf_status(b));
	pf_put_u64(b, XXH64(b->data + start, b->len - start, 0));
	(void)e;
	return strbuf_status(b);
}

enum rwkvc_status plan_file_save(struct err *e, const struct plan_file *pf, const char *path)
{
	struct strbuf b;
	strbuf_init(&b, e);
	enum rwkvc_status st = plan_file_serialize(e, pf, &b);
	if (!st)
		st = file_write_all(e, path, b.data, b.len);
	strbuf_free(&b);
	return st;
}

static uint64_t le(const uint8_t *p, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/* Magic, format version, size and checksum: what must hold before anything else is read. */
static enum rwkvc_status check_frame(struct err *e, const uint8_t *d, size_t n, const char *what, unsigned flags)
{
	if (!n)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: empty, not a plan file", what);
	if (memcmp(d, PLAN_FILE_MAGIC, n < 8 ? n : 8) != 0)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: not an rwkvc plan file (it does not start with '%s')", what,
			       PLAN_FILE_MAGIC);
	if (n < HEAD_BYTES)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: truncated: %zu bytes, the header alone takes %d", what, n,
			       HEAD_BYTES);
	uint32_t format = (uint32_t)le(d + 8, 4);
	if (format != PLAN_FILE_FORMAT)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: plan file format %u; this rwkvc (%s) reads format %d: "
			       "compile the plan again", what, format, PLAN_RWKVC_VERSION, PLAN_FILE_FORMAT);
	uint64_t size = le(d + 12, 8);
	if (size > n)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: truncated: %zu of %llu bytes", what, n,
			       (unsigned long long)size);
	if (size < n)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: %zu bytes where the header says %llu (data after the end)",
			       what, n, (unsigned long long)size);
	if (size < HEAD_BYTES + CHECKSUM_BYTES)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: the header says %llu bytes, too few for a plan", what,
			       (unsigned long long)size);
	uint64_t stored = le(d + size - CHECKSUM_BYTES, 8), computed = XXH64(d, size - CHECKSUM_BYTES, 0);
	if (stored != computed && !(flags & PLAN_PARSE_NO_CHECKSUM))
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: checksum mismatch (stored %016llx, computed %016llx): the "
			       "file is damaged", what, (unsigned long long)stored, (unsigned long long)computed);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status read_section(struct pf_reader *r, struct plan_file *pf, int i)
{
	switch (i) {
	case 0:
		return read_config(r, pf);
	case 1:
		return pf_read_kernels(r, &pf->plan);
	case 2:
		return pf_read_buffers(r, &pf->plan);
	case 3:
		return pf_read_copies(r, &pf->plan);
	default:
		return pf_read_code(r, &pf->code, pf->plan.n_kernels);
	}
}

static enum rwkvc_status parse_body(struct err *e, const uint8_t *d, size_t size, const char *what, struct plan_file *pf)
{
	struct pf_reader head = { e, what, "head", d, size - CHECKSUM_BYTES, HEAD_BYTES, 0, 0, &pf->arena };
	const char *made_by = pf_str(&head);
	uint32_t n = pf_u32(&head);
	TRY(head.st);
	if (strcmp(made_by, PLAN_RWKVC_VERSION) != 0)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: made by rwkvc %s; this is rwkvc %s: compile the plan again",
			       what, made_by, PLAN_RWKVC_VERSION);
	pf->made_by = made_by;
	if (n != N_SECTIONS)
		return pf_fail(&head, "%u sections; a plan has %d", n, N_SECTIONS);
	for (int i = 0; i < N_SECTIONS; i++) {
		char tag[5] = { 0 };
		if (head.n - head.at >= 4)
			memcpy(tag, head.p + head.at, 4);
		head.at += head.n - head.at >= 4 ? 4 : 0;
		uint64_t len = pf_u64(&head);
		TRY(head.st);
		if (memcmp(tag, section_tags[i], 4) != 0)
			return pf_fail(&head, "section %d is '%.4s'; '%s' expected there", i, tag, section_tags[i]);
		if (len > head.n - head.at)
			return pf_fail(&head, "section '%s' says %llu bytes, only %zu remain", tag, (unsigned long long)len,
				       head.n - head.at);
		struct pf_reader r = { e, what, "", head.p + head.at, (size_t)len, 0, head.at, 0, &pf->arena };
		memcpy(r.tag, tag, 5);
		TRY(read_section(&r, pf, i));
		if (r.at != r.n)
			return pf_fail(&r, "%zu bytes left over at the end of the section", r.n - r.at);
		head.at += (size_t)len;
	}
	if (head.at != head.n)
		return pf_fail(&head, "%zu bytes after the last section", head.n - head.at);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status plan_file_parse(struct err *e, const void *data, size_t n, const char *what, unsigned flags,
				  struct plan_file *out)
{
	plan_file_init(out);
	const uint8_t *d = data;
	enum rwkvc_status st = check_frame(e, d, n, what, flags);
	if (!st)
		st = parse_body(e, d, n, what, out);
	if (st) {
		plan_file_destroy(out);
		plan_file_init(out);
	}
	return st;
}

enum rwkvc_status plan_file_load(struct err *e, const char *path, struct plan_file *out)
{
	plan_file_init(out);
	struct file_map m;
	TRY(file_map_open(e, path, &m));
	enum rwkvc_status st = plan_file_parse(e, m.data, m.size, path, 0, out);
	file_map_close(&m);
	return st;
}
