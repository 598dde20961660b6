/*
 * cmd_info.c - `rwkvc info`: the Vulkan devices, what each offers that rwkvc
 * uses, and which one rwkvc would run on.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "rwkvc.h"

static const char *const CMD = "info";

static double mib(uint64_t n) { return (double)n / (1024.0 * 1024.0); }
static const char *yes(int v) { return v ? "yes" : "no"; }

static void print_text(const struct rwkvc_device_info *d)
{
	printf("%c %d: %s (%s)%s\n", d->selected ? '*' : ' ', d->index, d->name, d->type,
	       d->selected ? "  <- rwkvc runs here" : "");
	if (!d->usable)
		printf("    not usable: %s\n", d->unusable_why);
	printf("    driver          %s, %s; Vulkan %d.%d.%d\n", d->driver_name, d->driver_info,
	       d->api_major, d->api_minor, d->api_patch);
	printf("    subgroup        %u (may require %u..%u: %s), arithmetic %s\n", d->subgroup_size,
	       d->subgroup_min, d->subgroup_max, yes(d->subgroup_size_control),
	       yes(d->subgroup_arithmetic));
	printf("    arithmetic      float16 %s, int8 %s, int16 %s, int64 %s\n", yes(d->shader_float16),
	       yes(d->shader_int8), yes(d->shader_int16), yes(d->shader_int64));
	printf("    storage         16-bit %s, 8-bit %s, buffer device address %s\n",
	       yes(d->storage_16bit), yes(d->storage_8bit), yes(d->buffer_device_address));
	printf("    coop. matrix    NV %s, KHR %s, NV2 %s\n", yes(d->coopmat_nv), yes(d->coopmat_khr),
	       yes(d->coopmat2_nv));
	printf("    other           int8 dot product accelerated %s, float32 atomic add %s\n",
	       yes(d->int_dot_4x8_accelerated), yes(d->float32_atomic_add));
	printf("    memory          %.0f MiB device-local; binding range %.0f MiB, allocation %.0f "
	       "MiB, buffer %.0f MiB\n",
	       mib(d->device_local_bytes), mib(d->max_storage_buffer_range),
	       mib(d->max_memory_allocation), mib(d->max_buffer_size));
	printf("    compute         shared memory %u KiB, %u invocations per workgroup, push "
	       "constants %u B, offset alignment %u B\n",
	       d->max_shared_memory / 1024, d->max_workgroup_invocations, d->max_push_constants,
	       d->min_storage_offset_align);
	if (d->timestamp_valid_bits)
		printf("    timestamps      %.3g ns per tick, %u bits\n", d->timestamp_period_ns,
		       d->timestamp_valid_bits);
	else
		printf("    timestamps      none on the compute queue\n");
}

/* JSON string: the device strings are printable ASCII/UTF-8 from the driver;
 * quotes, backslashes and control characters are escaped. */
static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void print_json(const struct rwkvc_device_info *d, int last)
{
	printf("  {\"index\": %d, \"name\": ", d->index);
	json_str(d->name);
	printf(", \"type\": ");
	json_str(d->type);
	printf(", \"driver_name\": ");
	json_str(d->driver_name);
	printf(", \"driver_info\": ");
	json_str(d->driver_info);
	printf(", \"vulkan\": \"%d.%d.%d\", \"usable\": %s, \"selected\": %s,\n", d->api_major,
	       d->api_minor, d->api_patch, d->usable ? "true" : "false",
	       d->selected ? "true" : "false");
	printf("   \"subgroup_size\": %u, \"subgroup_min\": %u, \"subgroup_max\": %u, "
	       "\"subgroup_size_control\": %d, \"subgroup_arithmetic\": %d,\n",
	       d->subgroup_size, d->subgroup_min, d->subgroup_max, d->subgroup_size_control,
	       d->subgroup_arithmetic);
	printf("   \"float16\": %d, \"int8\": %d, \"int16\": %d, \"int64\": %d, \"storage_16bit\": %d, "
	       "\"storage_8bit\": %d, \"buffer_device_address\": %d,\n",
	       d->shader_float16, d->shader_int8, d->shader_int16, d->shader_int64, d->storage_16bit,
	       d->storage_8bit, d->buffer_device_address);
	printf("   \"coopmat_nv\": %d, \"coopmat_khr\": %d, \"coopmat2_nv\": %d, "
	       "\"int_dot_4x8_accelerated\": %d, \"float32_atomic_add\": %d,\n",
	       d->coopmat_nv, d->coopmat_khr, d->coopmat2_nv, d->int_dot_4x8_accelerated,
	       d->float32_atomic_add);
	printf("   \"max_storage_buffer_range\": %llu, \"max_memory_allocation\": %llu, "
	       "\"max_buffer_size\": %llu, \"device_local_bytes\": %llu,\n",
	       (unsigned long long)d->max_storage_buffer_range,
	       (unsigned long long)d->max_memory_allocation, (unsigned long long)d->max_buffer_size,
	       (unsigned long long)d->device_local_bytes);
	printf("   \"max_shared_memory\": %u, \"max_workgroup_invocations\": %u, "
	       "\"max_push_constants\": %u, \"min_storage_offset_align\": %u, "
	       "\"timestamp_period_ns\": %g, \"timestamp_valid_bits\": %u}%s\n",
	       d->max_shared_memory, d->max_workgroup_invocations, d->max_push_constants,
	       d->min_storage_offset_align, d->timestamp_period_ns, d->timestamp_valid_bits,
	       last ? "" : ",");
}

int cmd_info(int argc, char **argv)
{
	bool json = false;
	struct cli_option opts[] = {
		{ "json", 0, CLI_FLAG, &json, NULL, "print JSON instead of text" },
	};
	struct cli_command cmd = {
		.name = CMD,
		.usage = "rwkvc info [--json]",
		.summary = "List the Vulkan devices, the features rwkvc uses on each, and the one "
			   "it would run on\n(RWKVC_DEVICE=N picks device N; RWKVC_VALIDATE=1 turns "
			   "on the validation layer).",
		.options = opts,
		.n_options = sizeof opts / sizeof opts[0],
	};
	int rc = cli_parse(&cmd, argc, argv);
	if (rc >= 0)
		return rc;
	rwkvc_ctx_t *ctx;
	if (rwkvc_ctx_create(&ctx))
		return cli_fail(CMD, "out of memory");
	int n = 0, selected = -1;
	rc = CLI_EXIT_OK;
	if (rwkvc_device_count(ctx, &n))
		rc = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
	if (rc == CLI_EXIT_OK)
		printf(json ? "[\n" : "Vulkan devices: %d\n", n);
	for (int i = 0; rc == CLI_EXIT_OK && i < n; i++) {
		struct rwkvc_device_info d;
		if (rwkvc_device_get_info(ctx, i, &d)) {
			rc = cli_fail(CMD, "%s", rwkvc_errmsg(ctx));
			break;
		}
		if (d.selected)
			selected = i;
		if (json)
			print_json(&d, i == n - 1);
		else
			print_text(&d);
	}
	if (rc == CLI_EXIT_OK && json)
		printf("]\n");
	else if (rc == CLI_EXIT_OK && selected < 0)
		printf("no device would be used%s\n",
		       getenv("RWKVC_DEVICE") ? " (RWKVC_DEVICE names no usable device)" : "");
	rwkvc_ctx_destroy(ctx);
	return rc;
}
