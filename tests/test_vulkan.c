/*
 * test_vulkan.c - the Vulkan runtime on whatever device rwkvc picks (lavapipe
 * here), under the Khronos validation layer with synchronization validation.
 *
 * Validation is forced on (RWKVC_VALIDATE=1 unless the caller set it): every
 * test ends by asserting that the layer said nothing, and one test proves the
 * layer is live by leaving out a barrier on purpose.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fault.h"
#include "base/mem.h"
#include "codegen/glsl_compile.h"
#include "runtime/vk.h"

/* y = a*x + b*SCALE over n elements; workgroup size and SCALE are spec constants. */
static const char AXPB_GLSL[] =
	"#version 450\n"
	"layout(local_size_x_id = 0) in;\n"
	"layout(constant_id = 1) const float SCALE = 1.0;\n"
	"layout(push_constant) uniform Push { uint n; float a; float b; } pc;\n"
	"layout(std430, set = 0, binding = 0) readonly buffer X { float x[]; };\n"
	"layout(std430, set = 0, binding = 1) writeonly buffer Y { float y[]; };\n"
	"void main() {\n"
	"    uint i = gl_GlobalInvocationID.x;\n"
	"    if (i < pc.n)\n"
	"        y[i] = pc.a * x[i] + pc.b * SCALE;\n"
	"}\n";

enum { WG = 64, N = 1000 /* not a multiple of WG */, STAGING = 1 << 20 };
static const float SCALE = 2.0f;

struct push {
	uint32_t n;
	float a, b;
};

struct fixture {
	struct vk_device *d;
	struct vk_pipeline axpb;
};

static struct fixture fx;

static const uint32_t GROUPS[3] = { (N + WG - 1) / WG, 1, 1 };

static void assert_ok(enum rwkvc_status st, const struct err *e)
{
	if (st != RWKVC_STATUS_OK)
		fail_msg("status %s: %s", rwkvc_status_name(st), e->msg);
}

/* Every test ends here: the validation layer must not have said anything. */
static void assert_no_validation_messages(struct vk_device *d)
{
	uint64_t n = vk_device_message_count(d);
	if (n) {
		char buf[VK_LOG_MSG_LEN];
		fail_msg("%llu validation message(s), the last: %s", (unsigned long long)n,
			 vk_device_message(d, 0, buf, sizeof buf));
	}
}

static float ref_axpb(float x, float a, float b) { return a * x + b * SCALE; }

static enum rwkvc_status make_axpb(struct err *e, struct vk_device *d, struct vk_pipeline *out)
{
	uint32_t *words;
	size_t n;
	TRY(glsl_compile(e, AXPB_GLSL, "axpb", NULL, &words, &n));
	uint32_t spec[2];
	spec[0] = WG;
	memcpy(&spec[1], &SCALE, 4);
	struct vk_pipeline_desc desc = { .name = "axpb", .spirv = words, .n_words = n,
					 .n_buffers = 2, .push_bytes = sizeof(struct push),
					 .spec = spec, .n_spec = 2 };
	enum rwkvc_status st = vk_pipeline_create(e, d, &desc, out);
	mem_free(words);
	return st;
}

static int group_setup(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct vk_device_options o = vk_device_options_default();
	o.staging_bytes = STAGING;
	if (vk_device_create(&e, &o, &fx.d) || make_axpb(&e, fx.d, &fx.axpb)) {
		fprintf(stderr, "test_vulkan setup: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	if (fx.d)
		vk_pipeline_destroy(fx.d, &fx.axpb);
	vk_device_destroy(fx.d);
	return 0;
}

/* ------------------------------------------------------------------------ */

static void test_result_mapping(void **state)
{
	(void)state;
	assert_int_equal(vk_status_of(VK_ERROR_DEVICE_LOST), RWKVC_STATUS_DEVICE_LOST);
	assert_int_equal(vk_status_of(VK_ERROR_OUT_OF_DEVICE_MEMORY), RWKVC_STATUS_NO_MEMORY);
	assert_int_equal(vk_status_of(VK_ERROR_OUT_OF_HOST_MEMORY), RWKVC_STATUS_NO_MEMORY);
	assert_int_equal(vk_status_of(VK_ERROR_UNKNOWN), RWKVC_STATUS_VULKAN);
	assert_int_equal(vk_status_of((VkResult)-12345), RWKVC_STATUS_VULKAN);
	assert_string_equal(vk_result_name((VkResult)-12345), "VkResult -12345");
	struct err e = { 0 };
	assert_int_equal(vk_fail(&e, VK_ERROR_INITIALIZATION_FAILED, "while creating pipeline '%s'",
				 "wkv7_decode"),
			 RWKVC_STATUS_VULKAN);
	assert_string_equal(e.msg, "while creating pipeline 'wkv7_decode': VK_ERROR_INITIALIZATION_FAILED");
}

static struct vk_caps fake_caps(VkPhysicalDeviceType type, const char *name, bool usable)
{
	struct vk_caps c;
	memset(&c, 0, sizeof c);
	c.props.deviceType = type;
	snprintf(c.props.deviceName, sizeof c.props.deviceName, "%s", name);
	c.usable = usable;
	snprintf(c.unusable_why, sizeof c.unusable_why, "%s", usable ? "" : "no compute queue");
	return c;
}

static void test_device_selection(void **state)
{
	(void)state;
	struct vk_caps caps[4] = {
		fake_caps(VK_PHYSICAL_DEVICE_TYPE_CPU, "cpu", true),
		fake_caps(VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU, "igpu", true),
		fake_caps(VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "broken dgpu", false),
		fake_caps(VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "dgpu", true),
	};
	struct err e = { 0 };
	int idx;
	char why[192];
	assert_ok(vk_pick_device(&e, caps, 4, -1, &idx, why, sizeof why), &e);
	assert_int_equal(idx, 3);
	assert_non_null(strstr(why, "'dgpu' (discrete GPU): the best type of 3 usable"));
	assert_ok(vk_pick_device(&e, caps, 2, -1, &idx, why, sizeof why), &e);
	assert_int_equal(idx, 1); /* integrated before CPU */
	assert_ok(vk_pick_device(&e, caps, 4, 0, &idx, why, sizeof why), &e);
	assert_int_equal(idx, 0);
	assert_non_null(strstr(why, "chosen by RWKVC_DEVICE"));
	assert_int_equal(vk_pick_device(&e, caps, 4, 7, &idx, why, sizeof why),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_string_equal(e.msg, "RWKVC_DEVICE=7: there are 4 Vulkan devices (0..3)");
	const char *env = getenv("RWKVC_DEVICE");
	char *saved = env ? strdup(env) : NULL;
	setenv("RWKVC_DEVICE", "gpu", 1);
	struct vk_device_options o = vk_device_options_default();
	if (saved)
		setenv("RWKVC_DEVICE", saved, 1);
	else
		unsetenv("RWKVC_DEVICE");
	free(saved);
	assert_int_equal(vk_pick_device(&e, caps, 4, o.index, &idx, why, sizeof why),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_string_equal(e.msg, "RWKVC_DEVICE must be a device number, 0..3 (see 'rwkvc info')");
	assert_int_equal(vk_pick_device(&e, caps, 4, 2, &idx, why, sizeof why),
			 RWKVC_STATUS_UNSUPPORTED);
	assert_non_null(strstr(e.msg, "'broken dgpu' cannot be used: no compute queue"));
	assert_int_equal(vk_pick_device(&e, caps, 0, -1, &idx, why, sizeof why),
			 RWKVC_STATUS_UNSUPPORTED);
	assert_non_null(strstr(e.msg, "no Vulkan device found"));

	/* the real list, through the public API: exactly one device is selected,
	 * and it is the one vk_device_create took */
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	int n = 0, selected = -1;
	assert_int_equal(rwkvc_device_count(ctx, &n), RWKVC_STATUS_OK);
	assert_true(n >= 1);
	for (int i = 0; i < n; i++) {
		struct rwkvc_device_info info;
		assert_int_equal(rwkvc_device_get_info(ctx, i, &info), RWKVC_STATUS_OK);
		if (info.selected) {
			assert_int_equal(selected, -1);
			selected = i;
			assert_string_equal(info.name, fx.d->caps.props.deviceName);
			assert_true(info.subgroup_size >= 4 &&
				    (info.subgroup_size & (info.subgroup_size - 1)) == 0);
			assert_true(info.max_storage_buffer_range >= (1u << 27));
		}
	}
	assert_int_equal(selected, fx.d->index);
	struct rwkvc_device_info info;
	assert_int_equal(rwkvc_device_get_info(ctx, n, &info), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(rwkvc_errmsg(ctx), "Vulkan device"));
	rwkvc_ctx_destroy(ctx);
	assert_no_validation_messages(fx.d);
}

static void test_missing_layer_is_an_error(void **state)
{
	(void)state;
	/* with VK_LAYER_PATH at an empty folder the loader finds no explicit layer */
	const char *dir = test_tmp_path("no-layers");
	mkdir(dir, 0755);
	const char *old = getenv("VK_LAYER_PATH");
	char *saved = old ? strdup(old) : NULL;
	setenv("VK_LAYER_PATH", dir, 1);
	struct err e = { 0 };
	struct vk_instance *inst = NULL;
	enum rwkvc_status st = vk_instance_create(&e, true, false, &inst);
	if (saved)
		setenv("VK_LAYER_PATH", saved, 1);
	else
		unsetenv("VK_LAYER_PATH");
	free(saved);
	vk_instance_destroy(inst);
	assert_int_equal(st, RWKVC_STATUS_UNSUPPORTED);
	assert_non_null(strstr(e.msg, "VK_LAYER_KHRONOS_validation, but it is not installed"));
}

/* x uploaded through staging, y poisoned with NaN, one dispatch, y downloaded. */
static void test_axpb_matches_c(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	struct err e = { 0 };
	float x[N], y[N];
	test_fill_random(x, N, 11, -2.0f, 2.0f);
	struct vk_arena arena;
	struct vk_range rx, ry;
	assert_ok(vk_arena_create(&e, d, 2 * d->align + 2 * N * 4, VK_MEMORY_DEVICE, "axpb", &arena),
		  &e);
	assert_ok(vk_arena_alloc(&e, &arena, N * 4, "x", &rx), &e);
	assert_ok(vk_arena_alloc(&e, &arena, N * 4, "y", &ry), &e);
	assert_int_equal(ry.offset % d->align, 0);
	assert_true(ry.offset >= rx.offset + N * 4);
	assert_ok(vk_upload(&e, d, rx, x, sizeof x), &e);
	assert_ok(vk_fill(&e, d, ry, 0x7fc00000u), &e); /* NaN: unwritten outputs show */

	struct vk_descriptor_pool pool;
	VkDescriptorSet set;
	struct vk_program *prog;
	assert_ok(vk_descriptor_pool_create(&e, d, 1, 2, &pool), &e);
	assert_ok(vk_descriptor_set_create(&e, d, &pool, &fx.axpb, (struct vk_range[]){ rx, ry },
					   &set),
		  &e);
	struct push pc = { N, 1.5f, -0.25f };
	assert_ok(vk_program_create(&e, d, "axpb once", 0, &prog), &e);
	assert_ok(vk_program_dispatch(&e, prog, &fx.axpb, set, GROUPS, &pc, NULL), &e);
	assert_ok(vk_program_record(&e, prog), &e);
	assert_ok(vk_program_run(&e, prog), &e);
	test_poison(y, N);
	assert_ok(vk_download(&e, d, ry, y, sizeof y), &e);
	for (int i = 0; i < N; i++)
		if (!(fabsf(y[i] - ref_axpb(x[i], pc.a, pc.b)) <= 1e-5f))
			fail_msg("y[%d] = %g, expected %g", i, y[i], ref_axpb(x[i], pc.a, pc.b));
	vk_program_destroy(prog);
	vk_descriptor_pool_destroy(d, &pool);
	vk_arena_destroy(d, &arena);
	assert_no_validation_messages(d);
}

/* The buffers and sets of a 3-step chain x -> t1 -> t2 -> y (then y -> readback). */
struct chain {
	struct vk_buffer input, readback;
	struct vk_arena arena;
	struct vk_range t1, t2, y;
	struct vk_descriptor_pool pool;
	VkDescriptorSet sets[3];
};

static void chain_create(struct vk_device *d, struct chain *c)
{
	struct err e = { 0 };
	memset(c, 0, sizeof *c);
	assert_ok(vk_buffer_create(&e, d, N * 4, VK_MEMORY_UPLOAD, "input", &c->input), &e);
	assert_ok(vk_buffer_create(&e, d, N * 4, VK_MEMORY_READBACK, "readback", &c->readback), &e);
	assert_ok(vk_arena_create(&e, d, 3 * (N * 4 + d->align), VK_MEMORY_DEVICE, "activations",
				  &c->arena),
		  &e);
	assert_ok(vk_arena_alloc(&e, &c->arena, N * 4, "t1", &c->t1), &e);
	assert_ok(vk_arena_alloc(&e, &c->arena, N * 4, "t2", &c->t2), &e);
	assert_ok(vk_arena_alloc(&e, &c->arena, N * 4, "y", &c->y), &e);
	assert_ok(vk_descriptor_pool_create(&e, d, 3, 6, &c->pool), &e);
	struct vk_range in = vk_range_of(&c->input);
	struct vk_range b[3][2] = { { in, c->t1 }, { c->t1, c->t2 }, { c->t2, c->y } };
	for (int i = 0; i < 3; i++)
		assert_ok(vk_descriptor_set_create(&e, d, &c->pool, &fx.axpb, b[i], &c->sets[i]), &e);
}

static void chain_destroy(struct vk_device *d, struct chain *c)
{
	vk_descriptor_pool_destroy(d, &c->pool);
	vk_arena_destroy(d, &c->arena);
	vk_buffer_destroy(d, &c->readback);
	vk_buffer_destroy(d, &c->input);
}

static const struct push CHAIN_PUSH[3] = { { N, 1.5f, 0.25f }, { N, -0.75f, 1.0f },
					   { N, 0.5f, -0.5f } };

static void test_program_replays_with_new_inputs(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	struct err e = { 0 };
	struct chain c;
	chain_create(d, &c);
	assert_ok(vk_fill(&e, d, c.y, 0x7fc00000u), &e);
	struct vk_program *prog;
	assert_ok(vk_program_create(&e, d, "chain", 0, &prog), &e);
	for (int i = 0; i < 3; i++) {
		if (i)
			assert_ok(vk_program_barrier(&e, prog), &e);
		assert_ok(vk_program_dispatch(&e, prog, &fx.axpb, c.sets[i], GROUPS, &CHAIN_PUSH[i],
					      NULL),
			  &e);
	}
	assert_ok(vk_program_barrier(&e, prog), &e);
	assert_ok(vk_program_copy(&e, prog, c.y, vk_range_of(&c.readback), N * 4), &e);
	assert_int_equal(vk_program_steps(prog), 4);

	struct vk_counters before = d->counters;
	assert_ok(vk_program_record(&e, prog), &e);
	float *in = c.input.mapped, *out = c.readback.mapped;
	for (int rep = 0; rep < 5; rep++) {
		test_fill_random(in, N, 100 + (uint64_t)rep, -3.0f, 3.0f);
		test_poison(out, N);
		assert_ok(vk_program_run(&e, prog), &e);
		for (int i = 0; i < N; i++) {
			float v = in[i];
			for (int k = 0; k < 3; k++)
				v = ref_axpb(v, CHAIN_PUSH[k].a, CHAIN_PUSH[k].b);
			if (!(fabsf(out[i] - v) <= 1e-4f))
				fail_msg("replay %d: y[%d] = %g, expected %g", rep, i, out[i], v);
		}
	}
	assert_int_equal(d->counters.submits - before.submits, 5);
	assert_int_equal(d->counters.recordings - before.recordings, 1);
	/* a recorded program is frozen */
	assert_int_equal(vk_program_barrier(&e, prog), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "program 'chain' is recorded and cannot change"));
	vk_program_destroy(prog);
	chain_destroy(d, &c);
	assert_no_validation_messages(d);
}

/* The shape of a decode step: one submit, no recording, per replay. Prints what
 * a replay costs (the submit + wait round trip, then per dependent dispatch). */
static void test_replay_cost(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	struct err e = { 0 };
	struct chain c;
	chain_create(d, &c);
	enum { REPS = 50, DEPTH = 16 };
	double us[2];
	for (int k = 0; k < 2; k++) {
		int steps = k ? DEPTH : 1;
		struct vk_program *prog;
		assert_ok(vk_program_create(&e, d, k ? "deep" : "single", 0, &prog), &e);
		for (int i = 0; i < steps; i++) { /* t1 -> t2 -> t1 -> ... */
			assert_ok(vk_program_barrier(&e, prog), &e);
			assert_ok(vk_program_dispatch(&e, prog, &fx.axpb, c.sets[1 + (i & 1)], GROUPS,
						      &CHAIN_PUSH[1], NULL),
				  &e);
		}
		assert_ok(vk_program_record(&e, prog), &e);
		assert_ok(vk_program_run(&e, prog), &e); /* warm-up */
		struct vk_counters before = d->counters;
		uint64_t t0 = vk_now_ns();
		for (int r = 0; r < REPS; r++)
			assert_ok(vk_program_run(&e, prog), &e);
		us[k] = (double)(vk_now_ns() - t0) / 1000.0 / REPS;
		assert_int_equal(d->counters.submits - before.submits, REPS);
		assert_int_equal(d->counters.recordings - before.recordings, 0);
		vk_program_destroy(prog);
	}
	printf("[  INFO    ] %s, %s fence wait: replay of 1 dispatch %.1f us; %d dependent dispatches %.1f us "
	       "(%.2f us per extra dispatch + barrier), %d elements each\n",
	       d->caps.props.deviceName, d->spin_wait ? "spinning" : "sleeping", us[0], DEPTH, us[1], (us[1] - us[0]) / (DEPTH - 1), N);
	chain_destroy(d, &c);
	assert_no_validation_messages(d);
}

static void test_missing_barrier_is_reported(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	if (!d->inst->validation)
		fail_msg("validation is off (RWKVC_VALIDATE=0): this test needs the layer");
	struct err e = { 0 };
	struct chain c;
	chain_create(d, &c);
	struct vk_program *prog;
	assert_ok(vk_program_create(&e, d, "hazard", 0, &prog), &e);
	/* t1 is written by the first dispatch and read by the second: no barrier */
	assert_ok(vk_program_dispatch(&e, prog, &fx.axpb, c.sets[0], GROUPS, &CHAIN_PUSH[0], NULL),
		  &e);
	assert_ok(vk_program_dispatch(&e, prog, &fx.axpb, c.sets[1], GROUPS, &CHAIN_PUSH[1], NULL),
		  &e);
	bool echo = vk_device_messages_echo(d, false);
	assert_ok(vk_program_record(&e, prog), &e);
	assert_ok(vk_program_run(&e, prog), &e);
	vk_device_messages_echo(d, echo);
	uint64_t n = vk_device_message_count(d);
	char buf[VK_LOG_MSG_LEN];
	const char *last = vk_device_message(d, 0, buf, sizeof buf);
	vk_device_messages_reset(d);
	vk_program_destroy(prog);
	chain_destroy(d, &c);
	assert_true(n > 0);
	assert_non_null(strstr(last, "READ_AFTER_WRITE"));
	assert_non_null(strstr(last, "[activations]")); /* objects carry their names */
	assert_no_validation_messages(d);
}

static void test_timestamps(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	struct err e = { 0 };
	struct chain c;
	chain_create(d, &c);
	struct vk_program *prog;
	assert_ok(vk_program_create(&e, d, "profiled", VK_PROGRAM_TIMESTAMPS | VK_PROGRAM_SERIALIZE,
				    &prog),
		  &e);
	const char *names[3] = { "first", "second", "third" };
	for (int i = 0; i < 3; i++)
		assert_ok(vk_program_dispatch(&e, prog, &fx.axpb, c.sets[i], GROUPS, &CHAIN_PUSH[i],
					      names[i]),
			  &e);
	double us[3];
	const char *labels[3];
	assert_int_equal(vk_program_timings(&e, prog, us, labels, 3), RWKVC_STATUS_BAD_ARGUMENT);
	assert_ok(vk_program_record(&e, prog), &e);
	assert_ok(vk_program_run(&e, prog), &e);
	assert_ok(vk_program_timings(&e, prog, us, labels, 3), &e);
	for (int i = 0; i < 3; i++) {
		assert_string_equal(labels[i], names[i]);
		assert_true(us[i] >= 0 && us[i] < 1e6);
	}
	assert_true(us[0] + us[1] + us[2] > 0);
	vk_program_destroy(prog);
	chain_destroy(d, &c);
	assert_no_validation_messages(d);
}

static void test_bindings_are_checked(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	struct err e = { 0 };
	struct chain c;
	chain_create(d, &c);
	VkDescriptorSet set;
	/* a range past maxStorageBufferRange is refused before Vulkan sees it */
	struct vk_buffer big = c.readback;
	uint64_t limit = d->caps.max_storage_buffer_range;
	big.size = 2 * limit;
	struct vk_range too_long = { &big, 0, limit + 4 };
	struct vk_range ok = vk_range_of(&c.readback);
	assert_int_equal(vk_descriptor_set_create(&e, d, &c.pool, &fx.axpb,
						  (struct vk_range[]){ ok, too_long }, &set),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "pipeline 'axpb', binding 1"));
	assert_non_null(strstr(e.msg, "exceed maxStorageBufferRange"));
	/* offsets must respect minStorageBufferOffsetAlignment */
	if (d->caps.min_storage_offset_align > 1) {
		struct vk_range odd = vk_subrange(ok, 1, 4);
		assert_int_equal(vk_descriptor_set_create(&e, d, &c.pool, &fx.axpb,
							  (struct vk_range[]){ odd, ok }, &set),
				 RWKVC_STATUS_BAD_ARGUMENT);
		assert_non_null(strstr(e.msg, "minStorageBufferOffsetAlignment"));
	}
	/* the pool holds exactly what it was made for */
	assert_int_equal(vk_descriptor_set_create(&e, d, &c.pool, &fx.axpb,
						  (struct vk_range[]){ ok, ok }, &set),
			 RWKVC_STATUS_NO_MEMORY);
	assert_non_null(strstr(e.msg, "descriptor pool full"));
	/* an arena says what did not fit */
	struct vk_range r;
	assert_int_equal(vk_arena_alloc(&e, &c.arena, 1 << 20, "t3", &r), RWKVC_STATUS_NO_MEMORY);
	assert_non_null(strstr(e.msg, "arena 'activations'"));
	chain_destroy(d, &c);
	assert_no_validation_messages(d);
}

static void test_upload_larger_than_staging(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	struct err e = { 0 };
	size_t n = 3 * STAGING + 12; /* three staging rings and a ragged tail */
	size_t off = d->align;
	unsigned char *src = malloc(n), *back = malloc(n);
	assert_non_null(src);
	assert_non_null(back);
	uint64_t s = 0x9e3779b97f4a7c15ull;
	for (size_t i = 0; i < n; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		src[i] = (unsigned char)(s >> 24);
	}
	struct vk_buffer b;
	assert_ok(vk_buffer_create(&e, d, off + n, VK_MEMORY_DEVICE, "big", &b), &e);
	struct vk_range r = vk_subrange(vk_range_of(&b), off, n);
	uint64_t up = d->counters.bytes_uploaded, submits = d->counters.submits;
	assert_ok(vk_upload(&e, d, r, src, n), &e);
	assert_true(d->counters.submits - submits >= 7); /* 512 KiB slots */
	memset(back, 0xa5, n);
	assert_ok(vk_download(&e, d, r, back, n), &e);
	assert_int_equal(d->counters.bytes_uploaded - up, n);
	assert_memory_equal(src, back, n);
	/* a part in the middle, across slot boundaries */
	memset(back, 0, n);
	assert_ok(vk_download(&e, d, vk_subrange(r, 1000, STAGING), back, STAGING), &e);
	assert_memory_equal(src + 1000, back, STAGING);
	/* out of range is refused with names and numbers */
	assert_int_equal(vk_upload(&e, d, r, src, n + 1), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "of buffer 'big'"));
	vk_buffer_destroy(d, &b);
	free(src);
	free(back);
	assert_no_validation_messages(d);
}

/* ---- fault injection ---- */

/* Everything a small model run needs, built and torn down; the staging ring
 * too (released first so that it is made again in here). */
static enum rwkvc_status build_and_run(struct err *e, struct vk_device *d, const float *x,
				       float *y)
{
	vk_transfer_release(d);
	struct vk_arena arena = { 0 };
	struct vk_buffer rb = { 0 };
	struct vk_descriptor_pool pool = { 0 };
	struct vk_program *prog = NULL;
	struct vk_range rx, ry;
	VkDescriptorSet set;
	struct push pc = { N, 0.5f, 1.0f };
	enum rwkvc_status st;
	TRY_GOTO(st, vk_arena_create(e, d, 2 * d->align + 2 * N * 4, VK_MEMORY_DEVICE, "a", &arena),
		 out);
	TRY_GOTO(st, vk_arena_alloc(e, &arena, N * 4, "x", &rx), out);
	TRY_GOTO(st, vk_arena_alloc(e, &arena, N * 4, "y", &ry), out);
	TRY_GOTO(st, vk_buffer_create(e, d, N * 4, VK_MEMORY_READBACK, "rb", &rb), out);
	TRY_GOTO(st, vk_upload(e, d, rx, x, N * 4), out);
	TRY_GOTO(st, vk_descriptor_pool_create(e, d, 1, 2, &pool), out);
	TRY_GOTO(st, vk_descriptor_set_create(e, d, &pool, &fx.axpb, (struct vk_range[]){ rx, ry },
					      &set),
		 out);
	TRY_GOTO(st, vk_program_create(e, d, "faulty", 0, &prog), out);
	TRY_GOTO(st, vk_program_dispatch(e, prog, &fx.axpb, set, GROUPS, &pc, NULL), out);
	TRY_GOTO(st, vk_program_barrier(e, prog), out);
	TRY_GOTO(st, vk_program_copy(e, prog, ry, vk_range_of(&rb), N * 4), out);
	TRY_GOTO(st, vk_program_record(e, prog), out);
	TRY_GOTO(st, vk_program_run(e, prog), out);
	memcpy(y, rb.mapped, N * 4);
out:
	vk_program_destroy(prog);
	vk_descriptor_pool_destroy(d, &pool);
	vk_buffer_destroy(d, &rb);
	vk_arena_destroy(d, &arena);
	return st;
}

static void test_allocation_faults(void **state)
{
	(void)state;
	struct vk_device *d = fx.d;
	float x[N], y[N];
	test_fill_random(x, N, 5, -1.0f, 1.0f);
	vk_transfer_release(d);
	uint64_t live = d->counters.allocations;
	int device_faults = 0, n;
	for (n = 1; n < 200; n++) {
		struct err e = { 0 };
		fault_alloc_arm(n);
		enum rwkvc_status st = build_and_run(&e, d, x, y);
		int64_t counted = fault_alloc_count();
		fault_alloc_arm(0);
		vk_transfer_release(d); /* the staging ring is meant to stay; the rest is not */
		if (d->counters.allocations != live)
			fail_msg("fault %d (%s): %llu device allocations left", n, e.msg,
				 (unsigned long long)(d->counters.allocations - live));
		if (st == RWKVC_STATUS_OK) {
			assert_true(counted < n); /* the fault was never reached */
			break;
		}
		if (st != RWKVC_STATUS_NO_MEMORY)
			fail_msg("fault %d: %s: %s", n, rwkvc_status_name(st), e.msg);
		device_faults += strstr(e.msg, "VK_ERROR_OUT_OF_DEVICE_MEMORY") != NULL;
	}
	assert_true(n > 5 && n < 200);
	assert_true(device_faults >= 4); /* arena, readback, two staging slots */
	for (int i = 0; i < N; i++)
		assert_true(fabsf(y[i] - ref_axpb(x[i], 0.5f, 1.0f)) <= 1e-5f);

	/* device creation: each failure is clean, and creating again works */
	struct vk_device_options o = vk_device_options_default();
	for (n = 1; n < 100; n++) {
		struct err e = { 0 };
		struct vk_device *d2 = NULL;
		fault_alloc_arm(n);
		enum rwkvc_status st = vk_device_create(&e, &o, &d2);
		fault_alloc_arm(0);
		if (st == RWKVC_STATUS_OK) {
			vk_device_destroy(d2);
			break;
		}
		assert_int_equal(st, RWKVC_STATUS_NO_MEMORY);
		assert_null(d2);
	}
	assert_true(n > 3 && n < 100);
	assert_no_validation_messages(d);
}

static void test_submit_fault_is_device_lost(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct vk_device_options o = vk_device_options_default();
	o.staging_bytes = 4096;
	struct vk_device *d;
	assert_ok(vk_device_create(&e, &o, &d), &e);
	struct vk_buffer a, b;
	assert_ok(vk_buffer_create(&e, d, 256, VK_MEMORY_DEVICE, "a", &a), &e);
	assert_ok(vk_buffer_create(&e, d, 256, VK_MEMORY_READBACK, "b", &b), &e);
	struct vk_program *prog;
	assert_ok(vk_program_create(&e, d, "decode", 0, &prog), &e);
	assert_ok(vk_program_copy(&e, prog, vk_range_of(&a), vk_range_of(&b), 256), &e);
	assert_ok(vk_program_record(&e, prog), &e);
	assert_ok(vk_program_run(&e, prog), &e); /* works before the fault */
	fault_submit_arm(1);
	enum rwkvc_status st = vk_program_run(&e, prog);
	fault_submit_arm(0);
	assert_int_equal(st, RWKVC_STATUS_DEVICE_LOST);
	assert_non_null(strstr(e.msg, "while submitting program 'decode'"));
	assert_non_null(strstr(e.msg, "VK_ERROR_DEVICE_LOST"));
	/* lost stays lost: later work fails fast, and everything still tears down */
	assert_int_equal(vk_fill(&e, d, vk_range_of(&a), 0), RWKVC_STATUS_DEVICE_LOST);
	assert_non_null(strstr(e.msg, "lost earlier"));
	vk_program_destroy(prog);
	vk_buffer_destroy(d, &b);
	vk_buffer_destroy(d, &a);
	assert_no_validation_messages(d);
	vk_device_destroy(d);
}

int main(void)
{
	setenv("RWKVC_VALIDATE", "1", 0); /* unless the caller says otherwise */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_mapping),
		cmocka_unit_test(test_device_selection),
		cmocka_unit_test(test_missing_layer_is_an_error),
		cmocka_unit_test(test_axpb_matches_c),
		cmocka_unit_test(test_program_replays_with_new_inputs),
		cmocka_unit_test(test_replay_cost),
		cmocka_unit_test(test_missing_barrier_is_reported),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_bindings_are_checked),
		cmocka_unit_test(test_upload_larger_than_staging),
		cmocka_unit_test(test_allocation_faults),
		cmocka_unit_test(test_submit_fault_is_device_lost),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
