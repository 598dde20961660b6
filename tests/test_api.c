/*
 * test_api.c - the example at the top of include/rwkvc.h, as a user writes it:
 * load, prefill, sample, decode, free. It must keep compiling and running, and
 * generate the same tokens as the CPU reference would from the same logits.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rwkvc.h"

/* The header's example, with the model and backend as parameters; returns the tokens. */
static int example(const char *weights, enum rwkvc_backend backend, int32_t *out, int n_out)
{
	const int32_t prompt[] = { 0, 17, 42, 99 };
	size_t n_prompt = 4;
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *m;
	rwkvc_session_t *s;
	rwkvc_sampler_t *smp;
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = weights;
	o.backend = backend;
	rwkvc_ctx_create(&ctx);
	if (rwkvc_model_load(ctx, &o, &m)) {
		fprintf(stderr, "%s\n", rwkvc_errmsg(ctx));
		return 1;
	}
	struct rwkvc_model_info info;
	rwkvc_model_get_info(m, &info);
	float *logits = malloc((size_t)info.vocab * sizeof *logits);
	int32_t next;
	struct rwkvc_sampler_options so = rwkvc_sampler_options_default();
	so.temperature = 0; /* greedy, so the backends can be compared token for token */
	rwkvc_session_create(m, &s);
	rwkvc_sampler_create(ctx, &so, info.vocab, &smp);
	rwkvc_session_eval(s, prompt, n_prompt, RWKVC_EVAL_LAST, logits);
	for (int i = 0; i < n_out; i++) {
		rwkvc_sampler_sample(smp, logits, (size_t)info.vocab, &next);
		rwkvc_sampler_accept(smp, next);
		out[i] = next;
		rwkvc_session_eval(s, &next, 1, RWKVC_EVAL_LAST, logits);
	}
	free(logits);
	rwkvc_sampler_destroy(smp);
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
	return 0;
}

static void test_header_example_runs(void **state)
{
	(void)state;
	const char *w = test_shared_path("testdata/rwkv7/model_b.safetensors");
	char weights[1024];
	snprintf(weights, sizeof weights, "%s", w);
	int32_t cpu[12], vk[12];
	assert_int_equal(example(weights, RWKVC_BACKEND_CPU, cpu, 12), 0);
	assert_int_equal(example(weights, RWKVC_BACKEND_VULKAN, vk, 12), 0);
	for (int i = 0; i < 12; i++)
		assert_true(cpu[i] >= 0 && cpu[i] < 1024);
	/* greedy decoding: the GPU picks the reference's tokens (random logits are far apart) */
	assert_memory_equal(cpu, vk, sizeof cpu);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_example_runs),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
