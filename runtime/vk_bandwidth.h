/* vk_bandwidth.h - the device's streaming read bandwidth (vk_bandwidth.c). */
#ifndef RWKVC_RUNTIME_VK_BANDWIDTH_H
#define RWKVC_RUNTIME_VK_BANDWIDTH_H

#include "vk.h"

/* Reads up to 1 GiB of device memory and reports GB/s (10^9 bytes per second).
 * Errors: UNSUPPORTED (no timestamps), NO_MEMORY, VULKAN, DEVICE_LOST. */
enum rwkvc_status vk_measure_bandwidth(struct err *e, struct vk_device *d, double *out_gbps);

#endif
