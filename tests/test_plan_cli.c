/*
 * test_plan_cli.c - `rwkvc compile` and `rwkvc dump` as a user runs them (the
 * built $BUILD/rwkvc): options, one report line per pass, --print-after,
 * repeated --disable-pass, every dump format, and exit statuses with their
 * messages.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_compile_then_dump(void **state)
{
	(void)state;
	char plan[1024];
	snprintf(plan, sizeof plan, "%s", test_tmp_path("cli.plan"));
	assert_int_equal(test_run("compile models/rwkv7.yaml --preset 0.1b --dtype f16 --target generic -v -o '%s'", plan), 0);
	test_assert_contains("stderr", test_err, "fuse: 576 ops -> 100 groups\nlower: 100 kernels\nmemplan: ");
	test_assert_contains("stderr", test_err, "schedule: 99 barriers, 8 per layer\n");
	test_assert_contains("stderr", test_err, "codegen: 100 kernels -> ");
	test_assert_contains("stderr", test_err, "wrote ");
	assert_int_equal(test_run("dump '%s'", plan), 0);
	test_assert_contains("stdout", test_out, "# rwkvc plan dump");
	test_assert_contains("stdout", test_out, "dtypes   activations f16, weights f16");
	test_assert_contains("stdout", test_out, "target   subgroup 32 (arithmetic)");
	test_assert_contains("stdout", test_out, "kernels: 100 in dispatch order");
	assert_int_equal(test_run("dump '%s' --format json", plan), 0);
	test_assert_contains("stdout", test_out, "\"dispatches_per_token\": 100");
	assert_int_equal(test_run("dump '%s' -f yaml", plan), 0);
	test_assert_contains("stdout", test_out, "  barriers_per_token: 99\n");
	assert_int_equal(test_run("dump '%s' --format dot", plan), 0);
	test_assert_contains("stdout", test_out, "digraph plan {");
	assert_int_equal(test_run("dump '%s' --format glsl", plan), 0);
	test_assert_contains("stdout", test_out, "// ==== kernel code 0, used by kernels 0");
	char dot[1024];
	snprintf(dot, sizeof dot, "%s", test_tmp_path("cli.dot"));
	assert_int_equal(test_run("dump '%s' --format dot -o '%s'", plan, dot), 0);
	assert_string_equal(test_out, "");
	/* a damaged plan */
	FILE *f = fopen(plan, "r+b");
	assert_non_null(f);
	fseek(f, 300, SEEK_SET);
	fputc('#', f);
	fclose(f);
	assert_int_equal(test_run("dump '%s'", plan), 1);
	test_assert_contains("stderr", test_err, "rwkvc dump: ");
	test_assert_contains("stderr", test_err, "checksum mismatch");
}

/* A one-layer model has no value-residual weights, so its weights leave the
 * value-residual rank Dv unbound: the plan must still compile, load and give
 * the tokens a run without the plan gives. */
static void test_one_layer_model_compiles(void **state)
{
	(void)state;
	char model[1024], plan[1024];
	snprintf(model, sizeof model, "%s", test_tmp_path("one-layer.safetensors"));
	snprintf(plan, sizeof plan, "%s", test_tmp_path("one-layer.plan"));
	assert_int_equal(test_run("mkmodel --layers 1 --embd 128 --vocab 256 --seed 5 -o '%s'", model), 0);
	assert_int_equal(test_run("compile -w '%s' -o '%s'", model, plan), 0);
	assert_int_equal(test_run("run -w '%s' --prompt-ids 7,100,3 --print-ids -n 6 -s 9 -b vulkan", model), 0);
	char *want = strdup(test_out);
	assert_true(strlen(want) > 6);
	assert_int_equal(test_run("run -w '%s' --plan '%s' --prompt-ids 7,100,3 --print-ids -n 6 -s 9 -b vulkan", model, plan),
			 0);
	assert_string_equal(test_out, want);
	free(want);
}

static void test_pass_options(void **state)
{
	(void)state;
	char plan[1024];
	snprintf(plan, sizeof plan, "%s", test_tmp_path("opts.plan"));
	/* repeated --disable-pass, and --no-fuse meaning the same as disabling fuse */
	assert_int_equal(test_run("compile --preset 0.1b --no-fuse --disable-pass memplan --disable-pass schedule --target none "
			     "-v -o '%s'", plan), 0);
	test_assert_contains("stderr", test_err, "fuse: off, 576 ops -> 576 kernels\n");
	test_assert_contains("stderr", test_err, "schedule: 575 barriers, ");
	assert_int_equal(test_run("dump '%s'", plan), 0);
	test_assert_contains("stdout", test_out, "passes   no-fuse lower memplan(no-reuse) schedule(barrier-always)\n");
	/* --print-after prints on stdout, in the dump format */
	assert_int_equal(test_run("dump --preset 0.1b --disable-pass head_region --print-after fuse -o /dev/null"), 0);
	test_assert_contains("stdout", test_out, "fusion groups: ");
	test_assert_contains("stdout", test_out, "  mix          blocks.0.att.ln1 = layer_norm");
	assert_int_equal(test_run("dump --preset 0.1b --print-after memplan -o /dev/null"), 0);
	test_assert_contains("stdout", test_out, "\nbuffers: ");
	/* dump without a file compiles in memory, from a weights file too */
	char model[1024];
	snprintf(model, sizeof model, "%s", test_tmp_path("cli.safetensors"));
	assert_int_equal(test_run("mkmodel --layers 2 --embd 128 --vocab 50 -o '%s'", model), 0);
	assert_int_equal(test_run("dump --weights '%s' --format json", model), 0);
	test_assert_contains("stdout", test_out, "\"C\": 128");
	test_assert_contains("stdout", test_out, "\"L\": 2");
}

static void test_usage_errors(void **state)
{
	(void)state;
	assert_int_equal(test_run("compile --preset 0.1b"), 2);
	test_assert_contains("stderr", test_err, "rwkvc compile: -o FILE is required");
	assert_int_equal(test_run("compile -o x.plan"), 2);
	test_assert_contains("stderr", test_err, "give --weights FILE or --preset NAME");
	assert_int_equal(test_run("compile --preset 0.1b --disable-pass fusion -o x.plan"), 2);
	test_assert_contains("stderr", test_err, "no pass or fusion rule named 'fusion'");
	assert_int_equal(test_run("compile --preset 0.1b --disable-pass lower -o x.plan"), 2);
	test_assert_contains("stderr", test_err, "cannot disable the pass 'lower'");
	assert_int_equal(test_run("compile --preset 0.1b --print-after codegen -o x.plan"), 2);
	test_assert_contains("stderr", test_err, "no pass named 'codegen' to print after");
	assert_int_equal(test_run("compile --preset 0.1b --dtype f8 -o x.plan"), 2);
	assert_int_equal(test_run("compile --preset 0.1b --quant q5_0 --target none -o x.plan"), 2);
	test_assert_contains("stderr", test_err, "unknown quantisation 'q5_0' (f32, f16, q8_0 or q4_k)");
	assert_int_equal(test_run("compile --preset 9b --target none -o x.plan"), 2);
	test_assert_contains("stderr", test_err, "9b");
	assert_int_equal(test_run("dump --preset 0.1b --format xml"), 2);
	test_assert_contains("stderr", test_err, "unknown dump format 'xml'");
	assert_int_equal(test_run("dump x.plan --preset 0.1b"), 2);
	assert_int_equal(test_run("dump /nonexistent/x.plan"), 1);
	test_assert_contains("stderr", test_err, "/nonexistent/x.plan");
	assert_int_equal(test_run("--help"), 0);
	test_assert_contains("stdout", test_out, "compile ");
	test_assert_contains("stdout", test_out, "dump ");
	assert_int_equal(test_run("compile --help"), 0);
	test_assert_contains("stdout", test_out, "--disable-pass NAME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_compile_then_dump, test_run_free),
		cmocka_unit_test_teardown(test_one_layer_model_compiles, test_run_free),
		cmocka_unit_test_teardown(test_pass_options, test_run_free),
		cmocka_unit_test_teardown(test_usage_errors, test_run_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
