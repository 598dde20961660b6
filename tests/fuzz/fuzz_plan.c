/* fuzz_plan.c - the plan-file reader (passes/plan_file.h) on a memory buffer,
 * checksum skipped so that mutations reach the sections: framing, the stored
 * YAML and symbols (the graph is rebuilt), kernels, buffers, copies and code.
 * A plan that parses is then dumped as text and JSON, which walks every
 * kernel, binding and buffer the reader let through. (The reader checks
 * framing, counts and indices, not that the plan makes sense: a file whose
 * checksum holds is trusted like an executable; passes/plan_file.h.) */
#include "fuzz.h"
#include "passes/plan_dump.h"
#include "passes/plan_file.h"

FUZZ_ENTRY(plan)
{
	struct err e = { 0 };
	struct plan_file pf;
	if (plan_file_parse(&e, data, size, "fuzz.plan", PLAN_PARSE_NO_CHECKSUM, &pf)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		plan_file_destroy(&pf);
		return 0;
	}
	struct plan_dump_input in = plan_dump_input_of(&pf.plan, &pf.opts, PASS_SCHEDULE);
	in.quant = pf.quant;
	static const enum plan_dump_format formats[] = { PLAN_DUMP_TEXT, PLAN_DUMP_JSON };
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		struct strbuf b;
		strbuf_init(&b, &e);
		/* a dump may refuse what the reader let through (a weight stored as
		 * Q4_K that is not whole blocks), with a message */
		if (plan_dump(&e, &in, formats[i], &b))
			FUZZ_CHECK(e.msg[0]);
		strbuf_free(&b);
	}
	plan_file_destroy(&pf);
	return 0;
}
