/*
 * test_cmd_info.c - `rwkvc info` as a user runs it: the built binary
 * ($BUILD/rwkvc, so `make test` must have built it), text and JSON output,
 * RWKVC_DEVICE, and its exit statuses.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/mem.h"

/* Output of the last run (heap strings from test_run_rwkvc). */
static char *out, *err;

static int run(const char *args)
{
	free(out);
	free(err);
	return test_run_rwkvc(args, &out, NULL, &err);
}

static int teardown(void **state)
{
	(void)state;
	free(out);
	free(err);
	out = err = NULL;
	return 0;
}

static void assert_contains(const char *what, const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("%s was\n%s\nexpected it to contain '%s'", what, text, want);
}

static void test_text(void **state)
{
	(void)state;
	assert_int_equal(run("info"), 0);
	assert_contains("stdout", out, "Vulkan devices: ");
	assert_contains("stdout", out, "<- rwkvc runs here");
	assert_contains("stdout", out, "subgroup        ");
	assert_contains("stdout", out, "binding range ");
	assert_null(strstr(err, "validation")); /* tests/run.sh validates: nothing to say */
	/* exactly one device is marked */
	const char *mark = strstr(out, "<- rwkvc runs here");
	assert_null(strstr(mark + 1, "<- rwkvc runs here"));
}

static void test_json(void **state)
{
	(void)state;
	assert_int_equal(run("info --json"), 0);
	struct err e = { 0 };
	struct arena a;
	arena_init(&a);
	struct json_value *v;
	if (json_parse(&e, &a, out, strlen(out), "rwkvc info --json", &v))
		fail_msg("%s\n%s", e.msg, out);
	assert_int_equal(v->type, JSON_ARRAY);
	assert_true(v->count >= 1);
	int selected = 0;
	for (size_t i = 0; i < v->count; i++) {
		const struct json_value *d = v->items[i];
		assert_int_equal(json_get(d, "index")->integer, (int64_t)i);
		assert_int_equal(json_get(d, "name")->type, JSON_STRING);
		int64_t sg = json_get(d, "subgroup_size")->integer;
		assert_true(sg >= 1 && (sg & (sg - 1)) == 0);
		assert_true(json_get(d, "max_storage_buffer_range")->integer > 0);
		selected += json_get(d, "selected")->boolean;
	}
	assert_int_equal(selected, 1);
	arena_destroy(&a);
}

static void test_device_override_and_usage(void **state)
{
	(void)state;
	/* a device number that does not exist: still lists, says nothing is used */
	const char *old = getenv("RWKVC_DEVICE");
	char *saved = old ? strdup(old) : NULL;
	setenv("RWKVC_DEVICE", "99", 1);
	int rc = run("info");
	if (saved)
		setenv("RWKVC_DEVICE", saved, 1);
	else
		unsetenv("RWKVC_DEVICE");
	free(saved);
	assert_int_equal(rc, 0);
	assert_contains("stdout", out,
			"no device would be used (RWKVC_DEVICE names no usable device)");
	assert_null(strstr(out, "<- rwkvc runs here"));
	assert_int_equal(run("info --help"), 0);
	assert_contains("stdout", out, "usage: rwkvc info [--json]");
	assert_int_equal(run("info --jsonn"), 2);
	assert_contains("stderr", err, "rwkvc info: ");
	assert_int_equal(run("info extra"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_device_override_and_usage),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
