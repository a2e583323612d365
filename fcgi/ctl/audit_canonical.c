/* The canonical text of an audit_event row, built here from the row's raw
 * columns so that concordctl audit verify does not take it from the
 * database it is checking (a superuser could replace the SQL function
 * audit_event_canonical() with one that hides an edit).
 *
 * The text is the one 0007_audit_chain.sql defines in SQL, byte for byte:
 * the jsonb text of
 *
 *   [chain, seq, id, at, actor_id, agency_id, entity, entity_id, action,
 *    before, after, reason, request_id, client_addr]
 *
 * at being integer microseconds since 1970-01-01 00:00 UTC. That is:
 * "[" and "]" round the items, ", " between them; integers in decimal;
 * SQL NULL as null; texts as JSON strings escaped as PostgreSQL's
 * escape_json() does (\" \\ \b \f \n \r \t, other bytes below 0x20 as
 * \u00xx in lower-case hex, everything else, UTF-8 included, as it is);
 * before and after as jsonb prints them, which this copies verbatim. */
#include <stdio.h>

#include "core/buf.h"
#include "ctl/audit_canonical.h"

/* ", " and an integer item, or null. */
static void
put_int(struct buf *b, const long long *v)
{
	if (v == NULL)
		buf_puts(b, ", null");
	else
		buf_printf(b, ", %lld", *v);
}

/* ", " and a text item as a JSON string, or null. */
static void
put_text(struct buf *b, const struct audit_text *t)
{
	size_t i;
	unsigned char c;

	if (t->s == NULL) {
		buf_puts(b, ", null");
		return;
	}
	buf_puts(b, ", \"");
	for (i = 0; i < t->len; i++) {
		switch ((c = (unsigned char)t->s[i])) {
		case '\b': buf_puts(b, "\\b"); break;
		case '\f': buf_puts(b, "\\f"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		default:
			if (c < 0x20)
				buf_printf(b, "\\u%04x", c);
			else
				buf_putc(b, (char)c);
		}
	}
	buf_putc(b, '"');
}

/* ", " and a jsonb item: its text as the database printed it, or null. */
static void
put_json(struct buf *b, const struct audit_text *t)
{
	buf_puts(b, ", ");
	if (t->s == NULL)
		buf_puts(b, "null");
	else
		buf_append(b, t->s, t->len);
}

/* Replaces b's contents with the canonical text of row (the hash covers
 * b->len bytes, without the NUL). Returns 0, or -1 when memory ran out. */
int
audit_canonical(struct buf *b, const struct audit_row *row)
{
	const struct audit_text *what[] = { &row->entity, &row->entity_id,
	    &row->action };
	const struct audit_text *why[] = { &row->reason, &row->request_id,
	    &row->client_addr };
	size_t i;

	buf_reset(b);
	buf_printf(b, "[%lld, %lld, %lld, %lld", row->chain, row->seq, row->id,
	    row->at_us);
	put_int(b, row->actor_id);
	put_int(b, row->agency_id);
	for (i = 0; i < sizeof(what) / sizeof(what[0]); i++)
		put_text(b, what[i]);
	put_json(b, &row->before);
	put_json(b, &row->after);
	for (i = 0; i < sizeof(why) / sizeof(why[0]); i++)
		put_text(b, why[i]);
	buf_putc(b, ']');
	return b->oom ? -1 : 0;
}
