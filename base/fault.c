/* fault.c - counters behind fault.h. Atomic so threaded tests stay defined. */
#include "fault.h"

#include <stdatomic.h>
#include <stdlib.h>

struct fault_counter {
	atomic_llong count;
	atomic_llong fail_at; /* 0: never */
	atomic_int env_read;
	const char *env_name;
};

static struct fault_counter alloc_counter = { 0, 0, 0, "RWKVC_FAIL_ALLOC" };
static struct fault_counter submit_counter = { 0, 0, 0, "RWKVC_FAIL_SUBMIT" };

static void read_env_once(struct fault_counter *c)
{
	if (atomic_exchange(&c->env_read, 1))
		return;
	const char *v = getenv(c->env_name);
	if (v && *v)
		atomic_store(&c->fail_at, atoll(v));
}

static bool should_fail(struct fault_counter *c)
{
	read_env_once(c);
	long long n = atomic_fetch_add(&c->count, 1) + 1;
	long long at = atomic_load(&c->fail_at);
	return at > 0 && n == at;
}

static void arm(struct fault_counter *c, int64_t n)
{
	atomic_store(&c->env_read, 1);
	atomic_store(&c->count, 0);
	atomic_store(&c->fail_at, n);
}

bool fault_alloc_should_fail(void) { return should_fail(&alloc_counter); }
void fault_alloc_arm(int64_t n) { arm(&alloc_counter, n); }
int64_t fault_alloc_count(void) { return atomic_load(&alloc_counter.count); }
bool fault_submit_should_fail(void) { return should_fail(&submit_counter); }
void fault_submit_arm(int64_t n) { arm(&submit_counter, n); }
