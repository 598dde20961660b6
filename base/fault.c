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

/* Counts one call; *out_n is its index (from 1). */
static bool count_and_ask(struct fault_counter *c, long long *out_n)
{
	read_env_once(c);
	long long n = atomic_fetch_add(&c->count, 1) + 1;
	long long at = atomic_load(&c->fail_at);
	*out_n = n;
	return at > 0 && n == at;
}

static bool should_fail(struct fault_counter *c)
{
	long long n;
	return count_and_ask(c, &n);
}

/* Indices of the device allocations since the last arm (fault_device_allocs). */
static atomic_llong device_count;
static atomic_llong device_at[FAULT_DEVICE_NOTES];

static void arm(struct fault_counter *c, int64_t n)
{
	atomic_store(&c->env_read, 1);
	atomic_store(&c->count, 0);
	atomic_store(&c->fail_at, n);
}

bool fault_alloc_should_fail(void) { return should_fail(&alloc_counter); }

bool fault_device_alloc_should_fail(void)
{
	long long n;
	bool fail = count_and_ask(&alloc_counter, &n);
	long long i = atomic_fetch_add(&device_count, 1);
	if (i < FAULT_DEVICE_NOTES)
		atomic_store(&device_at[i], n);
	return fail;
}

void fault_alloc_arm(int64_t n)
{
	atomic_store(&device_count, 0);
	arm(&alloc_counter, n);
}

int64_t fault_alloc_count(void) { return atomic_load(&alloc_counter.count); }

int64_t fault_device_allocs(int64_t *out, int64_t cap)
{
	long long n = atomic_load(&device_count);
	for (long long i = 0; i < n && i < cap && i < FAULT_DEVICE_NOTES; i++)
		out[i] = atomic_load(&device_at[i]);
	return n;
}
bool fault_submit_should_fail(void) { return should_fail(&submit_counter); }
void fault_submit_arm(int64_t n) { arm(&submit_counter, n); }
int64_t fault_submit_count(void) { return atomic_load(&submit_counter.count); }
