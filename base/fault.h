/*
 * fault.h - deliberate failures for tests (SQLite-style fault injection).
 *
 * RWKVC_FAIL_ALLOC=N makes the N-th counted allocation (host or device, from
 * 1) fail; fault_alloc_should_fail() is asked once per allocation. Tests can
 * also arm it from code. The counter is process-wide by nature: it exists only
 * to test failure paths, never to change results.
 */
#ifndef RWKVC_BASE_FAULT_H
#define RWKVC_BASE_FAULT_H

#include <stdbool.h>
#include <stdint.h>

/* True when this allocation must fail. Counts every call. */
bool fault_alloc_should_fail(void);
/* Fail the n-th allocation from now (n >= 1); 0 disarms. Resets the count. */
void fault_alloc_arm(int64_t n);
/* How many allocations were counted since the last arm (or process start). */
int64_t fault_alloc_count(void);

/* RWKVC_FAIL_SUBMIT=N: the N-th queue submit reports a lost device. */
bool fault_submit_should_fail(void);
void fault_submit_arm(int64_t n);

#endif
