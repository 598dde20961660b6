/* cli.c - option parsing and messages shared by the subcommands; see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_print_help(const struct cli_command *cmd)
{
	printf("usage: %s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->n_options)
		printf("\noptions:\n");
	for (int i = 0; i < cmd->n_options; i++) {
		const struct cli_option *o = &cmd->options[i];
		char left[64];
		if (o->short_name)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name,
				 o->metavar ? " " : "", o->metavar ? o->metavar : "");
		else
			snprintf(left, sizeof left, "--%s%s%s", o->name, o->metavar ? " " : "",
				 o->metavar ? o->metavar : "");
		printf("  %-26s %s\n", left, o->help);
	}
	printf("  %-26s %s\n", "-h, --help", "show this help");
}

static int vfail(const char *cmd, int status, const char *fmt, va_list ap)
{
	fprintf(stderr, "rwkvc %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	return status;
}

int cli_fail(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfail(cmd, CLI_EXIT_FAIL, fmt, ap);
	va_end(ap);
	return r;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(cmd, CLI_EXIT_USAGE, fmt, ap);
	va_end(ap);
	fprintf(stderr, "(see 'rwkvc %s --help')\n", cmd);
	return CLI_EXIT_USAGE;
}

static const struct cli_option *find_option(const struct cli_command *cmd, const char *name,
					    size_t len, char short_name)
{
	for (int i = 0; i < cmd->n_options; i++) {
		const struct cli_option *o = &cmd->options[i];
		if (short_name ? o->short_name == short_name
			       : (strlen(o->name) == len && strncmp(o->name, name, len) == 0))
			return o;
	}
	return NULL;
}

static int set_value(const struct cli_command *cmd, const struct cli_option *o, const char *v)
{
	char *end;
	errno = 0;
	switch (o->kind) {
	case CLI_STRING:
		*(const char **)o->dst = v;
		return -1;
	case CLI_INT: {
		long long n = strtoll(v, &end, 10);
		if (errno || end == v || *end)
			return cli_usage_error(cmd->name, "--%s expects an integer, got '%s'", o->name, v);
		*(int64_t *)o->dst = n;
		return -1;
	}
	case CLI_DOUBLE: {
		double d = strtod(v, &end);
		if (errno || end == v || *end)
			return cli_usage_error(cmd->name, "--%s expects a number, got '%s'", o->name, v);
		*(double *)o->dst = d;
		return -1;
	}
	case CLI_STRINGS: {
		struct cli_strings *list = o->dst;
		if (list->n == CLI_MAX_REPEAT)
			return cli_usage_error(cmd->name, "--%s given more than %d times", o->name, CLI_MAX_REPEAT);
		list->v[list->n++] = v;
		return -1;
	}
	case CLI_FLAG:
		break;
	}
	return cli_usage_error(cmd->name, "--%s takes no value", o->name);
}

int cli_parse(struct cli_command *cmd, int argc, char **argv)
{
	cmd->n_positional = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cli_print_help(cmd);
			return CLI_EXIT_OK;
		}
		if (a[0] != '-' || strcmp(a, "-") == 0) {
			if (cmd->n_positional >= cmd->n_positional_max)
				return cli_usage_error(cmd->name, "unexpected argument '%s'", a);
			cmd->positional[cmd->n_positional++] = a;
			continue;
		}
		const struct cli_option *o;
		const char *value = NULL;
		if (a[1] == '-') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			o = find_option(cmd, name, len, 0);
			if (!o)
				return cli_usage_error(cmd->name, "unknown option '--%.*s'", (int)len, name);
			if (eq)
				value = eq + 1;
		} else {
			o = a[2] ? NULL : find_option(cmd, NULL, 0, a[1]);
			if (!o)
				return cli_usage_error(cmd->name, "unknown option '%s'", a);
		}
		if (o->kind == CLI_FLAG) {
			if (value)
				return cli_usage_error(cmd->name, "--%s takes no value", o->name);
			*(bool *)o->dst = true;
			continue;
		}
		if (!value) {
			if (i + 1 >= argc)
				return cli_usage_error(cmd->name, "--%s needs a value (%s)", o->name,
						       o->metavar ? o->metavar : "value");
			value = argv[++i];
		}
		int r = set_value(cmd, o, value);
		if (r >= 0)
			return r;
	}
	return -1;
}

bool cli_parse_int_list(const char *cmd, const char *what, const char *s, int32_t **out,
			size_t *out_n)
{
	size_t cap = 16, n = 0;
	int32_t *v = malloc(cap * sizeof *v);
	if (!v) {
		cli_fail(cmd, "out of memory");
		return false;
	}
	const char *p = s;
	while (*p) {
		char *end;
		errno = 0;
		long long x = strtoll(p, &end, 10);
		if (end == p || errno || x < INT32_MIN || x > INT32_MAX || (*end && *end != ',')) {
			cli_usage_error(cmd, "%s: '%s' is not a comma-separated list of integers "
				       "(at character %zu)", what, s, (size_t)(p - s) + 1);
			free(v);
			return false;
		}
		if (n == cap) {
			int32_t *nv = realloc(v, (cap *= 2) * sizeof *v);
			if (!nv) {
				free(v);
				cli_fail(cmd, "out of memory");
				return false;
			}
			v = nv;
		}
		v[n++] = (int32_t)x;
		p = *end ? end + 1 : end;
		if (*end == ',' && !*p) {
			cli_usage_error(cmd, "%s: trailing comma in '%s'", what, s);
			free(v);
			return false;
		}
	}
	*out = v;
	*out_n = n;
	return true;
}
