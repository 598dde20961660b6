/* test_base.c - the base layer: errors, allocation faults, JSON, half floats, files. */
#include "testutil.h"

#include <math.h>
#include <string.h>

#include "base/err.h"
#include "base/fault.h"
#include "base/file.h"
#include "base/half.h"
#include "base/json.h"
#include "base/mem.h"
#include "base/strbuf.h"

static void test_err_context_chains(void **state)
{
	(void)state;
	struct err e = { 0 };
	assert_int_equal(err_set(&e, RWKVC_STATUS_IO, "x.bin: cannot open"), RWKVC_STATUS_IO);
	assert_int_equal(err_context(&e, "while loading %s", "weights"), RWKVC_STATUS_IO);
	assert_string_equal(e.msg, "while loading weights: x.bin: cannot open");
	assert_string_equal(rwkvc_status_name(RWKVC_STATUS_BAD_FORMAT), "bad format");
	assert_string_equal(rwkvc_status_name((enum rwkvc_status)999), "unknown status");
}

static void test_fault_injection_fails_nth_alloc(void **state)
{
	(void)state;
	struct err e = { 0 };
	fault_alloc_arm(2);
	void *a = mem_alloc(&e, 16, "first");
	void *b = mem_alloc(&e, 16, "second");
	void *c = mem_alloc(&e, 16, "third");
	fault_alloc_arm(0);
	assert_non_null(a);
	assert_null(b);
	assert_non_null(c);
	assert_int_equal(e.status, RWKVC_STATUS_NO_MEMORY);
	assert_non_null(strstr(e.msg, "16 bytes for second"));
	mem_free(a);
	mem_free(c);
}

static void test_json_parses_and_rejects(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct arena a;
	arena_init(&a);
	const char *ok = "{\"a\": [1, -2.5e3, true, null], \"s\": \"h\\u00e9\\n\\ud83d\\ude00\","
			 " \"big\": 9007199254740993}";
	struct json_value *v;
	assert_int_equal(json_parse(&e, &a, ok, strlen(ok), "t", &v), 0);
	const struct json_value *arr = json_get(v, "a");
	assert_non_null(arr);
	assert_int_equal(arr->count, 4);
	assert_true(arr->items[0]->is_integer);
	assert_int_equal(arr->items[0]->integer, 1);
	assert_true(arr->items[1]->number == -2500.0);
	assert_string_equal(json_get(v, "s")->string, "h\xc3\xa9\n\xf0\x9f\x98\x80");
	assert_int_equal(json_get(v, "big")->integer, 9007199254740993ll);

	const char *bad[] = { "{", "[1,]", "{\"a\" 1}", "\"\\x\"", "01", "[1] x", "\"\\ud800\"",
			      "{\"a\":\"\x01\"}", "" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		assert_int_equal(json_parse(&e, &a, bad[i], strlen(bad[i]), "t", &v),
				 RWKVC_STATUS_BAD_FORMAT);
		assert_non_null(strstr(e.msg, "t: JSON error at byte"));
	}
	/* deep nesting is refused, not a stack overflow */
	char deep[200];
	memset(deep, '[', sizeof deep);
	assert_int_equal(json_parse(&e, &a, deep, sizeof deep, "t", &v), RWKVC_STATUS_BAD_FORMAT);
	assert_non_null(strstr(e.msg, "nested too deeply"));
	arena_destroy(&a);
}

static void test_half_round_trips(void **state)
{
	(void)state;
	/* every finite half converts to float and back exactly */
	for (uint32_t h = 0; h < 0x10000; h++) {
		if ((h & 0x7c00) == 0x7c00)
			continue;
		assert_int_equal(float_to_half(half_to_float((uint16_t)h)), h);
	}
	assert_true(half_to_float(float_to_half(1.0f / 3.0f)) == 0.333251953125f);
	assert_int_equal(float_to_half(65520.0f), 0x7c00);     /* overflow rounds to inf */
	assert_int_equal(float_to_half(1e-8f), 0);              /* underflow to zero */
	assert_true(isnan(half_to_float(float_to_half(NAN))));
	assert_int_equal(float_to_bf16(1.0f), 0x3f80);
	assert_true(bf16_to_float(float_to_bf16(3.140625f)) == 3.140625f);
}

static void test_strbuf_and_atomic_write(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct strbuf b;
	strbuf_init(&b, &e);
	for (int i = 0; i < 1000; i++)
		strbuf_printf(&b, "%d,", i);
	assert_int_equal(strbuf_status(&b), 0);
	assert_int_equal(strncmp(strbuf_str(&b), "0,1,2,", 6), 0);
	const char *path = test_tmp_path("atomic.txt");
	assert_int_equal(file_write_all(&e, path, b.data, b.len), 0);
	char *back;
	size_t n;
	assert_int_equal(file_read_all(&e, path, &back, &n), 0);
	assert_int_equal(n, b.len);
	assert_memory_equal(back, b.data, n);
	mem_free(back);
	strbuf_free(&b);
	/* an aborted write leaves the old file alone */
	struct file_writer w;
	assert_int_equal(file_writer_open(&e, path, &w), 0);
	assert_int_equal(file_writer_write(&e, &w, "partial", 7), 0);
	file_writer_abort(&w);
	assert_int_equal(file_read_all(&e, path, &back, &n), 0);
	assert_int_equal(n, 3890);
	mem_free(back);
	assert_int_equal(file_read_all(&e, test_tmp_path("missing"), &back, &n), RWKVC_STATUS_IO);
	assert_non_null(strstr(e.msg, "cannot open"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_err_context_chains),
		cmocka_unit_test(test_fault_injection_fails_nth_alloc),
		cmocka_unit_test(test_json_parses_and_rejects),
		cmocka_unit_test(test_half_round_trips),
		cmocka_unit_test(test_strbuf_and_atomic_write),
	};
	return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
