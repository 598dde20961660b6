/* gguf_text.c - GGUF metadata values as text, for weight_file's string metadata. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "gguf.h"

static void append_quoted(struct strbuf *b, const char *s, uint64_t len)
{
	strbuf_append(b, "\"");
	for (uint64_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\')
			strbuf_printf(b, "\\%c", ch);
		else if (ch < 0x20)
			strbuf_printf(b, "\\u%04x", ch);
		else
			strbuf_append_n(b, (const char *)&s[i], 1);
	}
	strbuf_append(b, "\"");
}

static enum rwkvc_status append_value(struct strbuf *b, struct err *e, const struct gguf_value *v,
				      bool quote_strings)
{
	switch (v->type) {
	case GGUF_TYPE_UINT8:
	case GGUF_TYPE_UINT16:
	case GGUF_TYPE_UINT32:
	case GGUF_TYPE_UINT64:
		strbuf_printf(b, "%" PRIu64, v->u);
		break;
	case GGUF_TYPE_INT8:
	case GGUF_TYPE_INT16:
	case GGUF_TYPE_INT32:
	case GGUF_TYPE_INT64:
		strbuf_printf(b, "%" PRId64, v->i);
		break;
	case GGUF_TYPE_FLOAT32:
		strbuf_printf(b, "%.9g", v->f); /* enough digits to round-trip a float */
		break;
	case GGUF_TYPE_FLOAT64:
		strbuf_printf(b, "%.17g", v->f);
		break;
	case GGUF_TYPE_BOOL:
		strbuf_append(b, v->u ? "true" : "false");
		break;
	case GGUF_TYPE_STRING:
		if (quote_strings)
			append_quoted(b, v->str, v->len);
		else
			strbuf_append_n(b, v->str, (size_t)v->len);
		break;
	case GGUF_TYPE_ARRAY: {
		size_t off = 0;
		strbuf_append(b, "[");
		for (uint64_t i = 0; i < v->count; i++) {
			struct gguf_value item;
			TRY(gguf_array_next(e, "array", v, &off, &item));
			if (i)
				strbuf_append(b, ", ");
			TRY(append_value(b, e, &item, true));
		}
		strbuf_append(b, "]");
		break;
	}
	default:
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "bad GGUF value type %d", (int)v->type);
	}
	return strbuf_status(b);
}

char *gguf_value_text(struct arena *arena, struct err *e, const struct gguf_value *v)
{
	struct strbuf b;
	strbuf_init(&b, e);
	char *out = NULL;
	if (append_value(&b, e, v, false) == RWKVC_STATUS_OK)
		out = arena_strndup(arena, e, strbuf_str(&b), b.len);
	strbuf_free(&b);
	return out;
}

enum rwkvc_status gguf_meta_to_weights(struct err *e, const struct gguf_file *g,
				       struct weight_file *w)
{
	w->meta_keys = arena_alloc(&w->arena, e, g->n_kv * sizeof *w->meta_keys);
	w->meta_values = arena_alloc(&w->arena, e, g->n_kv * sizeof *w->meta_values);
	if (!w->meta_keys || !w->meta_values)
		return e->status;
	for (size_t i = 0; i < g->n_kv; i++) {
		w->meta_keys[i] = arena_strdup(&w->arena, e, g->kv[i].key);
		w->meta_values[i] = gguf_value_text(&w->arena, e, &g->kv[i].value);
		if (!w->meta_keys[i] || !w->meta_values[i])
			return err_context(e, "%s: metadata '%s'", g->what, g->kv[i].key);
	}
	w->n_meta = g->n_kv;
	return RWKVC_STATUS_OK;
}
