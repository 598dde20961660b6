/* glsl_compile.c - GLSL -> SPIR-V through glslang's C interface; see glsl_compile.h. */
#include "glsl_compile.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glslang/Include/glslang_c_interface.h>
#include <glslang/Public/resource_limits_c.h>
#include <glslang/build_info.h>

#include "base/mem.h"
#include "base/strbuf.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* What an error message may spend on the compiler log, and the source lines
 * shown around the first error (the whole message must fit in ERR_MSG_MAX). */
enum { LOG_CHARS_MAX = 420, SOURCE_LINES_BEFORE = 4, SOURCE_LINES_AFTER = 2, SOURCE_LINE_CHARS = 90 };

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_ok;

static void init_process(void) { init_ok = glslang_initialize_process(); }

struct glsl_options glsl_options_default(void)
{
	return (struct glsl_options){ .target = GLSL_TARGET_VULKAN_1_2, .optimize = true,
				      .validate = true };
}

const char *glsl_compiler_version(void)
{
	return "glslang " STR(GLSLANG_VERSION_MAJOR) "." STR(GLSLANG_VERSION_MINOR) "." STR(
		GLSLANG_VERSION_PATCH) GLSLANG_VERSION_FLAVOR;
}

/* The line of the first "ERROR: 0:<line>:" in a glslang log, or 0. */
static int first_error_line(const char *log)
{
	const char *p = strstr(log, "ERROR: 0:");
	if (!p)
		return 0;
	return atoi(p + 9);
}

/* Appends at most `max` chars of `s`, cut at a line end where possible. */
static void append_clipped(struct strbuf *b, const char *s, size_t max)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	if (n <= max) {
		strbuf_append_n(b, s, n);
		return;
	}
	size_t cut = max;
	while (cut > max / 2 && s[cut] != '\n')
		cut--;
	strbuf_append_n(b, s, cut);
	strbuf_append(b, "\n[log truncated]");
}

/* Appends the numbered source lines around `line` (1-based; 0: the first lines),
 * marking the error line with '>'. */
static void append_source_window(struct strbuf *b, const char *source, int line)
{
	int from = line > 0 ? line - SOURCE_LINES_BEFORE : 1;
	int to = line > 0 ? line + SOURCE_LINES_AFTER : SOURCE_LINES_BEFORE + SOURCE_LINES_AFTER + 1;
	if (from < 1)
		from = 1;
	const char *p = source;
	for (int no = 1; *p && no <= to; no++) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (no >= from) {
			strbuf_printf(b, "\n%c%4d | ", no == line ? '>' : ' ', no);
			strbuf_append_n(b, p, len < SOURCE_LINE_CHARS ? len : SOURCE_LINE_CHARS);
			if (len > SOURCE_LINE_CHARS)
				strbuf_append(b, "...");
		}
		p += len + (end ? 1 : 0);
	}
}

static enum rwkvc_status compile_failed(struct err *e, const char *name, const char *stage,
					const char *log, const char *source)
{
	struct err tmp = { 0 };
	struct strbuf b;
	strbuf_init(&b, &tmp);
	strbuf_printf(&b, "while compiling '%s': %s failed:\n", name, stage);
	append_clipped(&b, log && *log ? log : "(no log)", LOG_CHARS_MAX);
	append_source_window(&b, source, log ? first_error_line(log) : 0);
	if (strbuf_status(&b) != RWKVC_STATUS_OK) {
		strbuf_free(&b);
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "while compiling '%s': %s failed", name,
			       stage);
	}
	err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s", strbuf_str(&b));
	strbuf_free(&b);
	return RWKVC_STATUS_BAD_ARGUMENT;
}

/* "#define A 1\n#define B\n" from "A=1", "B"; NULL with no defines. */
static enum rwkvc_status build_preamble(struct err *e, const struct glsl_options *o,
					char **out)
{
	*out = NULL;
	if (o->n_defines <= 0)
		return RWKVC_STATUS_OK;
	struct strbuf b;
	strbuf_init(&b, e);
	for (int i = 0; i < o->n_defines; i++) {
		const char *d = o->defines[i];
		const char *eq = strchr(d, '=');
		if (!*d || eq == d || strpbrk(d, "\n \t")) {
			strbuf_free(&b);
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
				       "bad define '%s': expected NAME or NAME=VALUE", d);
		}
		if (eq) {
			strbuf_append(&b, "#define ");
			strbuf_append_n(&b, d, (size_t)(eq - d));
			strbuf_printf(&b, " %s\n", eq + 1);
		} else {
			strbuf_printf(&b, "#define %s\n", d);
		}
	}
	TRY(strbuf_status(&b));
	*out = strbuf_take(&b);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status target_versions(struct err *e, const struct glsl_options *o,
					 glslang_target_client_version_t *client,
					 glslang_target_language_version_t *spv)
{
	*client = o->target == GLSL_TARGET_VULKAN_1_3 ? GLSLANG_TARGET_VULKAN_1_3
						      : GLSLANG_TARGET_VULKAN_1_2;
	uint32_t v = o->spirv_version;
	if (!v)
		v = o->target == GLSL_TARGET_VULKAN_1_3 ? 0x00010600 : 0x00010500;
	switch (v) {
	case 0x00010300: *spv = GLSLANG_TARGET_SPV_1_3; break;
	case 0x00010400: *spv = GLSLANG_TARGET_SPV_1_4; break;
	case 0x00010500: *spv = GLSLANG_TARGET_SPV_1_5; break;
	case 0x00010600: *spv = GLSLANG_TARGET_SPV_1_6; break;
	default:
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "SPIR-V version 0x%08x: %s supports 1.3 to 1.6", v,
			       glsl_compiler_version());
	}
	return RWKVC_STATUS_OK;
}

/* Copies the generated words out of `program`. */
static enum rwkvc_status take_words(struct err *e, glslang_program_t *program, const char *name,
				    uint32_t **out_words, size_t *out_n)
{
	size_t n = glslang_program_SPIRV_get_size(program);
	if (n == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "while compiling '%s': no SPIR-V generated",
			       name);
	uint32_t *w = mem_alloc(e, n * sizeof *w, "SPIR-V words");
	if (!w)
		return e->status;
	glslang_program_SPIRV_get(program, w);
	*out_words = w;
	*out_n = n;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status glsl_compile(struct err *e, const char *source, const char *name,
			       const struct glsl_options *opts, uint32_t **out_words, size_t *out_n)
{
	*out_words = NULL;
	*out_n = 0;
	struct glsl_options defaults = glsl_options_default();
	const struct glsl_options *o = opts ? opts : &defaults;
	if (!name)
		name = "shader";
	pthread_once(&init_once, init_process);
	if (!init_ok)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "glslang_initialize_process failed");

	glslang_input_t in = {
		.language = GLSLANG_SOURCE_GLSL,
		.stage = GLSLANG_STAGE_COMPUTE,
		.client = GLSLANG_CLIENT_VULKAN,
		.target_language = GLSLANG_TARGET_SPV,
		.code = source,
		.default_version = 450,
		.default_profile = GLSLANG_NO_PROFILE,
		.messages = GLSLANG_MSG_SPV_RULES_BIT | GLSLANG_MSG_VULKAN_RULES_BIT,
		.resource = glslang_default_resource(),
	};
	TRY(target_versions(e, o, &in.client_version, &in.target_language_version));
	char *preamble;
	TRY(build_preamble(e, o, &preamble));

	enum rwkvc_status st = RWKVC_STATUS_OK;
	glslang_program_t *program = NULL;
	glslang_shader_t *shader = glslang_shader_create(&in);
	if (!shader) {
		st = err_set(e, RWKVC_STATUS_NO_MEMORY, "while compiling '%s': glslang_shader_create failed",
			     name);
		goto out;
	}
	if (preamble)
		glslang_shader_set_preamble(shader, preamble);
	if (!glslang_shader_preprocess(shader, &in)) {
		st = compile_failed(e, name, "preprocessing", glslang_shader_get_info_log(shader), source);
		goto out;
	}
	if (!glslang_shader_parse(shader, &in)) {
		st = compile_failed(e, name, "parsing", glslang_shader_get_info_log(shader), source);
		goto out;
	}
	program = glslang_program_create();
	glslang_program_add_shader(program, shader);
	if (!glslang_program_link(program, in.messages)) {
		st = compile_failed(e, name, "linking", glslang_program_get_info_log(program), source);
		goto out;
	}
	glslang_spv_options_t so = {
		.generate_debug_info = o->debug_info,
		.strip_debug_info = !o->debug_info,
		.disable_optimizer = !o->optimize,
		.validate = o->validate,
	};
	glslang_program_SPIRV_generate_with_options(program, GLSLANG_STAGE_COMPUTE, &so);
	/* glslang reports optimizer and spirv-val findings here; any text is a failure,
	 * since a shader that spirv-val rejects would fail later in the driver anyway */
	const char *msgs = glslang_program_SPIRV_get_messages(program);
	if (msgs && *msgs) {
		st = compile_failed(e, name, "SPIR-V generation", msgs, source);
		goto out;
	}
	st = take_words(e, program, name, out_words, out_n);
out:
	if (program)
		glslang_program_delete(program);
	if (shader)
		glslang_shader_delete(shader);
	mem_free(preamble);
	return st;
}
