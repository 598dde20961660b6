/*
 * cli.h - what the rwkvc subcommands share: option parsing, --help, messages.
 *
 * Each subcommand lives in tools/cmd_<name>.c as `int cmd_<name>(int argc,
 * char **argv)` returning the process exit status, and is listed once in the
 * command table of tools/rwkvc.c.
 */
#ifndef RWKVC_TOOLS_CLI_H
#define RWKVC_TOOLS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cli_kind {
	CLI_FLAG,   /* bool, no value */
	CLI_STRING, /* const char * */
	CLI_INT,    /* int64_t */
	CLI_DOUBLE, /* double */
	CLI_STRINGS, /* struct cli_strings: every value of a repeated option, in order */
};

enum { CLI_MAX_REPEAT = 16 };

struct cli_strings {
	const char *v[CLI_MAX_REPEAT];
	int n;
};

struct cli_option {
	const char *name; /* "weights" for --weights */
	char short_name;  /* 'o' for -o, or 0 */
	enum cli_kind kind;
	void *dst;
	const char *metavar; /* "FILE" */
	const char *help;
};

struct cli_command {
	const char *name;
	const char *usage;   /* "rwkvc logits --weights M --tokens 1,2,3 [options]" */
	const char *summary; /* one line */
	const struct cli_option *options;
	int n_options;
	int n_positional_max; /* positional arguments allowed */
	const char *positional[8];
	int n_positional;
};

/* Exit statuses: 0 ok, 1 failure at run time, 2 bad usage. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_FAIL = 1, CLI_EXIT_USAGE = 2 };

/*
 * Parses argv[1..] (argv[0] is the subcommand name). Returns -1 when parsing
 * succeeded and the command should run, else an exit status (0 after --help).
 */
int cli_parse(struct cli_command *cmd, int argc, char **argv);
void cli_print_help(const struct cli_command *cmd);

/* "rwkvc <cmd>: <message>" on stderr; returns CLI_EXIT_FAIL. */
int cli_fail(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Same, exit status CLI_EXIT_USAGE, with a hint to use --help. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses "1,2,3" into a heap array of int32 (caller frees). false with message on error. */
bool cli_parse_int_list(const char *cmd, const char *what, const char *s, int32_t **out,
			size_t *out_n);

/* The subcommands. */
int cmd_info(int argc, char **argv);
int cmd_logits(int argc, char **argv);
int cmd_mkmodel(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_test_ops(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_dump(int argc, char **argv);

#endif
