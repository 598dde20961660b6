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
/* fault_alloc_should_fail for a device allocation (vkAllocateMemory): the same
 * count, and the index it got is also noted, so that a test sampling the
 * allocations can be sure to hit every device one (they are few, and their
 * failure paths differ from the host ones). */
bool fault_device_alloc_should_fail(void);
/* Fail the n-th allocation from now (n >= 1); 0 disarms. Resets the count and
 * the device notes. */
void fault_alloc_arm(int64_t n);
/* How many allocations were counted since the last arm (or process start). */
int64_t fault_alloc_count(void);
/* The device allocations counted since the last arm: returns how many there
 * were and writes the indices (1-based, as fault_alloc_arm takes them) of the
 * first min(that, cap) into out[], in order. Only the first
 * FAULT_DEVICE_NOTES are remembered; more are counted but not listed. */
enum { FAULT_DEVICE_NOTES = 256 };
int64_t fault_device_allocs(int64_t *out, int64_t cap);

/* RWKVC_FAIL_SUBMIT=N: the N-th queue submit reports a lost device. */
bool fault_submit_should_fail(void);
void fault_submit_arm(int64_t n);
/* How many submits were counted since the last arm (or process start). */
int64_t fault_submit_count(void);

#endif
