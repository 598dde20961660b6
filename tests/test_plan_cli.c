/*
 * test_plan_cli.c - `rwkvc compile` and `rwkvc dump` as a user runs them (the
 * built $BUILD/rwkvc): options, one report line per pass, --print-after,
 * repeated --disable-pass, every dump format, and exit statuses with their
 * messages.
 */
#include "testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Output of the last run (heap strings from test_run_rwkvc). */
static char *out, *err;

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int run(const char *fmt, ...)
{
	char args[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
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

static void test_compile_then_dump(void **state)
{
	(void)state;
	char plan[1024];
	snprintf(plan, sizeof plan, "%s", test_tmp_path("cli.plan"));
	assert_int_equal(run("compile models/rwkv7.yaml --preset 0.1b --dtype f16 --target generic -v -o '%s'", plan), 0);
	assert_contains("stderr", err, "fuse: 576 ops -> 159 groups\nlower: 159 kernels\nmemplan: ");
	assert_contains("stderr", err, "schedule: 87 barriers, 7 per layer\n");
	assert_contains("stderr", err, "codegen: 159 kernels -> ");
	assert_contains("stderr", err, "wrote ");
	assert_int_equal(run("dump '%s'", plan), 0);
	assert_contains("stdout", out, "# rwkvc plan dump");
	assert_contains("stdout", out, "dtypes   activations f16, weights f16");
	assert_contains("stdout", out, "target   subgroup 32 (arithmetic)");
	assert_contains("stdout", out, "kernels: 159 in dispatch order");
	assert_int_equal(run("dump '%s' --format json", plan), 0);
	assert_contains("stdout", out, "\"dispatches_per_token\": 159");
	assert_int_equal(run("dump '%s' -f yaml", plan), 0);
	assert_contains("stdout", out, "  barriers_per_token: 87\n");
	assert_int_equal(run("dump '%s' --format dot", plan), 0);
	assert_contains("stdout", out, "digraph plan {");
	assert_int_equal(run("dump '%s' --format glsl", plan), 0);
	assert_contains("stdout", out, "// ==== kernel code 0, used by kernels 0");
	char dot[1024];
	snprintf(dot, sizeof dot, "%s", test_tmp_path("cli.dot"));
	assert_int_equal(run("dump '%s' --format dot -o '%s'", plan, dot), 0);
	assert_string_equal(out, "");
	/* a damaged plan */
	FILE *f = fopen(plan, "r+b");
	assert_non_null(f);
	fseek(f, 300, SEEK_SET);
	fputc('#', f);
	fclose(f);
	assert_int_equal(run("dump '%s'", plan), 1);
	assert_contains("stderr", err, "rwkvc dump: ");
	assert_contains("stderr", err, "checksum mismatch");
}

static void test_pass_options(void **state)
{
	(void)state;
	char plan[1024];
	snprintf(plan, sizeof plan, "%s", test_tmp_path("opts.plan"));
	/* repeated --disable-pass, and --no-fuse meaning the same as disabling fuse */
	assert_int_equal(run("compile --preset 0.1b --no-fuse --disable-pass memplan --disable-pass schedule --target none "
			     "-v -o '%s'", plan), 0);
	assert_contains("stderr", err, "fuse: off, 576 ops -> 576 kernels\n");
	assert_contains("stderr", err, "schedule: 575 barriers, ");
	assert_int_equal(run("dump '%s'", plan), 0);
	assert_contains("stdout", out, "passes   no-fuse lower memplan(no-reuse) schedule(barrier-always)\n");
	/* --print-after prints on stdout, in the dump format */
	assert_int_equal(run("dump --preset 0.1b --disable-pass head_region --print-after fuse -o /dev/null"), 0);
	assert_contains("stdout", out, "fusion groups: ");
	assert_contains("stdout", out, "  mix          blocks.0.att.ln1 = layer_norm");
	assert_int_equal(run("dump --preset 0.1b --print-after memplan -o /dev/null"), 0);
	assert_contains("stdout", out, "\nbuffers: ");
	/* dump without a file compiles in memory, from a weights file too */
	char model[1024];
	snprintf(model, sizeof model, "%s", test_tmp_path("cli.safetensors"));
	assert_int_equal(run("mkmodel --layers 2 --embd 128 --vocab 50 -o '%s'", model), 0);
	assert_int_equal(run("dump --weights '%s' --format json", model), 0);
	assert_contains("stdout", out, "\"C\": 128");
	assert_contains("stdout", out, "\"L\": 2");
}

static void test_usage_errors(void **state)
{
	(void)state;
	assert_int_equal(run("compile --preset 0.1b"), 2);
	assert_contains("stderr", err, "rwkvc compile: -o FILE is required");
	assert_int_equal(run("compile -o x.plan"), 2);
	assert_contains("stderr", err, "give --weights FILE or --preset NAME");
	assert_int_equal(run("compile --preset 0.1b --disable-pass fusion -o x.plan"), 2);
	assert_contains("stderr", err, "no pass or fusion rule named 'fusion'");
	assert_int_equal(run("compile --preset 0.1b --disable-pass lower -o x.plan"), 2);
	assert_contains("stderr", err, "cannot disable the pass 'lower'");
	assert_int_equal(run("compile --preset 0.1b --print-after codegen -o x.plan"), 2);
	assert_contains("stderr", err, "no pass named 'codegen' to print after");
	assert_int_equal(run("compile --preset 0.1b --dtype f8 -o x.plan"), 2);
	assert_int_equal(run("compile --preset 0.1b --quant q4_k --target none -o x.plan"), 1);
	assert_contains("stderr", err, "quantised weights (q4_k) are not built yet");
	assert_int_equal(run("compile --preset 9b --target none -o x.plan"), 2);
	assert_contains("stderr", err, "9b");
	assert_int_equal(run("dump --preset 0.1b --format xml"), 2);
	assert_contains("stderr", err, "unknown dump format 'xml'");
	assert_int_equal(run("dump x.plan --preset 0.1b"), 2);
	assert_int_equal(run("dump /nonexistent/x.plan"), 1);
	assert_contains("stderr", err, "/nonexistent/x.plan");
	assert_int_equal(run("--help"), 0);
	assert_contains("stdout", out, "compile ");
	assert_contains("stdout", out, "dump ");
	assert_int_equal(run("compile --help"), 0);
	assert_contains("stdout", out, "--disable-pass NAME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_compile_then_dump, teardown),
		cmocka_unit_test_teardown(test_pass_options, teardown),
		cmocka_unit_test_teardown(test_usage_errors, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
