/*
 * stmt.c - the op-line syntax: `out = op(in, in, param=value)`.
 *
 *   line   := outs '=' opname '(' [arg {',' arg}] ')'
 *   outs   := name [',' name]
 *   arg    := name | param '=' value
 *   value  := number | symbol
 *   name   := [A-Za-z0-9_.{}-]+
 *
 * Columns in messages point at the offending character of the line.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src.h"

struct lexer {
	struct err *e;
	struct graph_src *src;
	const char *text;
	size_t pos;
	struct srcpos start;
};

static struct srcpos pos_at(const struct lexer *lx, size_t offset)
{
	struct srcpos p = lx->start;
	p.col += (int)offset;
	return p;
}

static enum rwkvc_status lex_fail(struct lexer *lx, size_t offset, const char *what)
{
	char where[256];
	return err_set(lx->e, RWKVC_STATUS_BAD_GRAPH, "%s: %s in op line '%s'",
		       srcpos_str(pos_at(lx, offset), where, sizeof where), what, lx->text);
}

static void skip_space(struct lexer *lx)
{
	while (lx->text[lx->pos] == ' ' || lx->text[lx->pos] == '\t')
		lx->pos++;
}

static int is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '{' || c == '}' || c == '-' || c == '+';
}

/* Reads a name; on success *out points into the arena. */
static enum rwkvc_status lex_name(struct lexer *lx, const char *what, struct src_name *out)
{
	skip_space(lx);
	size_t start = lx->pos;
	while (is_name_char(lx->text[lx->pos]))
		lx->pos++;
	if (lx->pos == start) {
		char msg[128];
		snprintf(msg, sizeof msg, "expected %s", what);
		return lex_fail(lx, start, msg);
	}
	out->text = arena_strndup(&lx->src->arena, lx->e, lx->text + start, lx->pos - start);
	out->pos = pos_at(lx, start);
	return out->text ? RWKVC_STATUS_OK : lx->e->status;
}

static int accept(struct lexer *lx, char c)
{
	skip_space(lx);
	if (lx->text[lx->pos] != c)
		return 0;
	lx->pos++;
	return 1;
}

static enum rwkvc_status expect_char(struct lexer *lx, char c, const char *what)
{
	if (accept(lx, c))
		return RWKVC_STATUS_OK;
	return lex_fail(lx, lx->pos, what);
}

enum rwkvc_status src_parse_dim(struct err *e, const struct graph_src *src, const char *text,
				struct srcpos pos, struct dim *out)
{
	char *end;
	double v = strtod(text, &end);
	if (end != text && *end == '\0') {
		out->sym = -1;
		/* range first: converting NaN or a double past int64 is undefined behaviour */
		bool whole = v > -0x1p63 && v < 0x1p63 && v == (double)(int64_t)v;
		out->n = whole ? (int64_t)v : 0;
		if (!whole) {
			char where[256];
			return err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: '%s' is not a whole number (of magnitude below 2^63)",
				       srcpos_str(pos, where, sizeof where), text);
		}
		return RWKVC_STATUS_OK;
	}
	for (int32_t i = 0; i < src->n_syms; i++) {
		if (strcmp(src->syms[i].name, text) == 0) {
			out->sym = i;
			out->n = 0;
			return RWKVC_STATUS_OK;
		}
	}
	char where[256];
	return err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: unknown symbol '%s' (not declared under 'symbols')",
		       srcpos_str(pos, where, sizeof where), text);
}

/* `name=value` after the name was read: a number, or a symbol bound later. */
static enum rwkvc_status parse_param(struct lexer *lx, const struct src_name *key, struct src_stmt *st)
{
	int idx = op_param_index(st->kind, key->text);
	if (idx < 0) {
		char msg[256];
		snprintf(msg, sizeof msg, "op '%s' has no parameter '%s' (it takes: %s)", op_table[st->kind].name,
			 key->text, op_table[st->kind].params[0] ? op_table[st->kind].params : "none");
		return lex_fail(lx, (size_t)(key->pos.col - lx->start.col), msg);
	}
	if (st->has_param[idx])
		return lex_fail(lx, (size_t)(key->pos.col - lx->start.col), "parameter given twice");
	struct src_name value;
	TRY(lex_name(lx, "a parameter value", &value));
	char *end;
	double v = strtod(value.text, &end);
	if (end != value.text && *end == '\0') {
		st->param[idx].sym = -1;
		st->param[idx].value = v;
	} else {
		struct dim d;
		TRY(src_parse_dim(lx->e, lx->src, value.text, value.pos, &d));
		st->param[idx].sym = d.sym;
	}
	st->has_param[idx] = true;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status check_params(struct lexer *lx, struct src_stmt *st)
{
	const char *p = op_table[st->kind].params;
	for (int i = 0; *p; i++) {
		size_t len = strcspn(p, " ");
		if (!st->has_param[i]) {
			char msg[160];
			snprintf(msg, sizeof msg, "op '%s' needs parameter '%.*s'", op_table[st->kind].name, (int)len, p);
			return lex_fail(lx, lx->pos, msg);
		}
		p += len;
		p += *p == ' ';
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status src_parse_stmt(struct err *e, struct graph_src *src, const char *text,
				 struct srcpos pos, int quoted, struct src_stmt *out)
{
	memset(out, 0, sizeof *out);
	if (quoted)
		pos.col++;
	struct lexer lx = { e, src, text, 0, pos };
	out->pos = pos;
	do {
		if (out->n_out == OP_MAX_OUT)
			return lex_fail(&lx, lx.pos, "too many outputs (at most 2)");
		TRY(lex_name(&lx, "an output name", &out->out[out->n_out++]));
	} while (accept(&lx, ','));
	TRY(expect_char(&lx, '=', "expected '=' after the output name"));
	struct src_name op;
	skip_space(&lx);
	size_t op_at = lx.pos;
	TRY(lex_name(&lx, "an op name", &op));
	if (!op_kind_from_name(op.text, &out->kind)) {
		char msg[128];
		snprintf(msg, sizeof msg, "unknown op '%s'", op.text);
		return lex_fail(&lx, op_at, msg);
	}
	TRY(expect_char(&lx, '(', "expected '(' after the op name"));
	if (!accept(&lx, ')')) {
		do {
			struct src_name arg;
			TRY(lex_name(&lx, "an input name or param=value", &arg));
			if (accept(&lx, '=')) {
				TRY(parse_param(&lx, &arg, out));
				continue;
			}
			if (out->n_in == OP_MAX_IN)
				return lex_fail(&lx, (size_t)(arg.pos.col - pos.col), "too many inputs");
			out->in[out->n_in++] = arg;
		} while (accept(&lx, ','));
		TRY(expect_char(&lx, ')', "expected ',' or ')'"));
	}
	skip_space(&lx);
	if (text[lx.pos])
		return lex_fail(&lx, lx.pos, "unexpected text after ')'");
	const struct op_info *info = &op_table[out->kind];
	if (out->n_in < info->min_in || out->n_in > info->max_in) {
		char msg[160];
		snprintf(msg, sizeof msg, "op '%s' takes %d input%s, found %d", info->name, info->max_in,
			 info->max_in == 1 ? "" : "s", out->n_in);
		return lex_fail(&lx, op_at, msg);
	}
	if (out->n_out != info->n_out) {
		char msg[160];
		snprintf(msg, sizeof msg, "op '%s' has %d output%s, found %d", info->name, info->n_out,
			 info->n_out == 1 ? "" : "s", out->n_out);
		return lex_fail(&lx, 0, msg);
	}
	return check_params(&lx, out);
}
