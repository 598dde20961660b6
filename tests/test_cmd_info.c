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

static void test_text(void **state)
{
	(void)state;
	assert_int_equal(test_run("info"), 0);
	test_assert_contains("stdout", test_out, "Vulkan devices: ");
	test_assert_contains("stdout", test_out, "<- rwkvc runs here");
	test_assert_contains("stdout", test_out, "subgroup        ");
	test_assert_contains("stdout", test_out, "binding range ");
	assert_null(strstr(test_err, "validation")); /* tests/run.sh validates: nothing to say */
	/* exactly one device is marked */
	const char *mark = strstr(test_out, "<- rwkvc runs here");
	assert_null(strstr(mark + 1, "<- rwkvc runs here"));
}

static void test_json(void **state)
{
	(void)state;
	assert_int_equal(test_run("info --json"), 0);
	struct err e = { 0 };
	struct arena a;
	arena_init(&a);
	struct json_value *v;
	if (json_parse(&e, &a, test_out, strlen(test_out), "rwkvc info --json", &v))
		fail_msg("%s\n%s", e.msg, test_out);
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
	int rc = test_run("info");
	if (saved)
		setenv("RWKVC_DEVICE", saved, 1);
	else
		unsetenv("RWKVC_DEVICE");
	free(saved);
	assert_int_equal(rc, 0);
	test_assert_contains("stdout", test_out,
			"no device would be used (RWKVC_DEVICE names no usable device)");
	assert_null(strstr(test_out, "<- rwkvc runs here"));
	assert_int_equal(test_run("info --help"), 0);
	test_assert_contains("stdout", test_out, "usage: rwkvc info [--json]");
	assert_int_equal(test_run("info --jsonn"), 2);
	test_assert_contains("stderr", test_err, "rwkvc info: ");
	assert_int_equal(test_run("info extra"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_device_override_and_usage),
	};
	return cmocka_run_group_tests(tests, NULL, test_run_free);
}
