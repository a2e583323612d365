/* The feed's entity sets: GET /odata/v4/{set} (a page of rows, the next
 * page's link when there is more), /odata/v4/{set}(key) (one row) and
 * /odata/v4/{set}/$count. Queries are parsed and compiled by odata/
 * against the set's whitelist and run by domain/odata_read.c as the
 * analyst; the rows are written here as OData JSON with minimal metadata.
 *
 * Paging is the server's: at most ODATA_PAGE_DEFAULT rows a page, or what
 * Prefer: odata.maxpagesize asks up to ODATA_PAGE_MAX, in the query's
 * order then the key, and the next page starts after the last row sent
 * (a keyset condition, never OFFSET), so rows added or removed meanwhile
 * neither repeat nor go missing across pages. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/odata_feed.h"
#include "core/buf.h"
#include "core/config.h"
#include "domain/odata_read.h"
#include "http/request.h"
#include "http/response.h"
#include "odata/entities.h"
#include "odata/json_out.h"
#include "odata/odata.h"
#include "odata/skiptoken.h"

#define ODATA_PAGE_DEFAULT	10000
#define ODATA_PAGE_MAX		50000

/* What the path names: the set, and the key literal of /{set}(key). */
struct target {
	const struct odata_entity *e;
	const char	*key;		/* NULL: the collection */
};

/* One page to answer. */
struct page {
	struct odata_query q;
	const char	**after;	/* from the skip token, or NULL */
	long long	 size;		/* rows a page */
	long long	 limit;		/* rows this page may send */
	int		 size_asked;	/* Prefer: odata.maxpagesize was honoured */
	unsigned long long check;	/* of the query, for its tokens */
};

static void
parse_error(struct req *r, const struct odata_error *err)
{
	odata_error_send(r, err->status == 501 ? 501 : 400, err->code, err->message,
	    err->option);
}

/* The set and key of the path: "Incidents", "Incidents(12)",
 * "Incidents(id=12)", "Areas('beat:3')". 1, or 0 when it answered. */
static int
target_of(struct req *r, struct target *t)
{
	const char *s = req_param(r, "set");
	char *name, *open;
	size_t n;

	memset(t, 0, sizeof(*t));
	if (s == NULL || (name = arena_strdup(r->arena, s)) == NULL) {
		odata_refuse(r, 503);
		return 0;
	}
	if ((open = strchr(name, '(')) != NULL) {
		n = strlen(open);
		if (n < 3 || open[n - 1] != ')') {
			odata_error_send(r, 400, "syntax", "A key goes in parentheses "
			    "after the set's name, like Incidents(12).", NULL);
			return 0;
		}
		*open++ = '\0';
		open[n - 2] = '\0';
		if (strncmp(open, "id=", 3) == 0)
			open += 3;
		t->key = open;
	}
	if ((t->e = odata_entity_find(name)) == NULL) {
		odata_refuse(r, 404);
		return 0;
	}
	if (!odata_may_read(r, t->e->scope)) {
		odata_error_send(r, 403, "scope_missing", arena_printf(r->arena, "This "
		    "key may not read %s: ask an administrator to add %s to its views "
		    "on the API clients page.", t->e->set, t->e->scope), NULL);
		return 0;
	}
	return 1;
}

/* OData-MaxVersion below 4.0: the client cannot read what we write. */
static int
version_ok(struct req *r)
{
	const char *v = req_header(r, "OData-MaxVersion");

	if (v == NULL || strtod(v, NULL) >= 4.0)
		return 1;
	odata_error_send(r, 400, "version_not_supported", "The feed speaks OData "
	    "4.0: send OData-MaxVersion: 4.0 or leave it out.", NULL);
	return 0;
}

static int
format_ok(struct req *r, const char *format)
{
	if (format == NULL || strcmp(format, "json") == 0 ||
	    strncmp(format, "application/json", 16) == 0)
		return 1;
	odata_error_send(r, 501, "not_supported", "The feed writes JSON only: leave "
	    "$format out, or give json.", "$format");
	return 0;
}

/* Prefer: odata.maxpagesize=N, among other preferences. */
static long long
maxpagesize(struct req *r)
{
	const char *h = req_header(r, "Prefer"), *p;
	long long n;
	char *end;

	if (h == NULL || (p = strcasestr(h, "odata.maxpagesize")) == NULL)
		return 0;
	p += strlen("odata.maxpagesize");
	while (*p == ' ')
		p++;
	if (*p++ != '=')
		return 0;
	while (*p == ' ' || *p == '"')
		p++;
	n = strtoll(p, &end, 10);
	return end != p && n > 0 ? n : 0;
}

static void
sql_error(struct req *r, enum odata_read_rc rc, const char *why)
{
	if (rc == ODATA_READ_BAD_VALUE)
		odata_error_send(r, 400, "value", arena_printf(r->arena, "A value in the "
		    "query is out of range for its column: %s.", why), "$filter");
	else
		odata_refuse(r, 503);
}

/* The context URL: the set, and the selected properties if chosen. */
static const char *
context_url(struct req *r, const struct odata_query *q, const char *suffix)
{
	struct buf b = {0};
	const char *s;
	size_t i;

	buf_printf(&b, "%s/odata/v4/$metadata#%s", r->cfg->public_url, q->entity->set);
	if (q->nselect > 0) {
		buf_putc(&b, '(');
		for (i = 0; i < q->nselect; i++)
			buf_printf(&b, "%s%s", i > 0 ? "," : "", q->select[i]->name);
		buf_putc(&b, ')');
	}
	buf_puts(&b, suffix);
	s = b.oom ? NULL : arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* The selected columns of a page, each with its "name": written once. */
struct props {
	size_t		 n;
	const struct odata_column **col;
	const char	**prefix;	/* ",\"name\":" (the first without the comma) */
	size_t		*len;
};

static int
props_of(struct req *r, const struct odata_query *q, struct props *p)
{
	size_t i;

	p->n = q->nselect > 0 ? q->nselect : q->entity->ncolumns;
	p->col = arena_calloc(r->arena, p->n, sizeof(*p->col));
	p->prefix = arena_calloc(r->arena, p->n, sizeof(*p->prefix));
	p->len = arena_calloc(r->arena, p->n, sizeof(*p->len));
	if (p->col == NULL || p->prefix == NULL || p->len == NULL)
		return -1;
	for (i = 0; i < p->n; i++) {
		p->col[i] = q->nselect > 0 ? q->select[i] : &q->entity->columns[i];
		/* Property names are the whitelist's: letters, digits and _. */
		if ((p->prefix[i] = arena_printf(r->arena, "%s\"%s\":", i > 0 ? "," : "",
		    p->col[i]->name)) == NULL)
			return -1;
		p->len[i] = strlen(p->prefix[i]);
	}
	return 0;
}

/* Writes row i's properties as "name":value pairs. */
static void
row_write(struct buf *b, const struct props *p, const PGresult *res, int i)
{
	size_t c;

	for (c = 0; c < p->n; c++) {
		buf_append(b, p->prefix[c], p->len[c]);
		if (PQgetisnull(res, i, (int)c))
			buf_append(b, "null", 4);
		else
			odata_json_value_n(b, p->col[c]->type, PQgetvalue(res, i, (int)c),
			    (size_t)PQgetlength(res, i, (int)c));
	}
}

/* The decoded name of one raw query segment ("%24top=5" is $top). */
static int
segment_is(const char *seg, size_t len, const char *name)
{
	size_t i = 0, j = 0, n = strlen(name);

	while (i < len && seg[i] != '=' && j < n) {
		if (seg[i] == '%' && i + 2 < len && strncasecmp(seg + i, "%24", 3) == 0 &&
		    name[j] == '$') {
			i += 3;
			j++;
		} else if (seg[i] == name[j]) {
			i++;
			j++;
		} else
			return 0;
	}
	return j == n && (i == len || seg[i] == '=');
}

/* The next page's link: this query as sent, without $skip, $top and
 * $skiptoken, then what is left of $top and the token. */
static const char *
next_link(struct req *r, const struct page *pg, const char *set, const char *token,
    long long sent)
{
	const char *s = r->query_string != NULL ? r->query_string : "", *end;
	struct buf b = {0};
	const char *out;
	size_t len;

	buf_printf(&b, "%s/odata/v4/%s?", r->cfg->public_url, set);
	for (; *s != '\0'; s = *end != '\0' ? end + 1 : end) {
		end = strchr(s, '&');
		if (end == NULL)
			end = s + strlen(s);
		len = (size_t)(end - s);
		if (len == 0 || segment_is(s, len, "$skip") || segment_is(s, len, "$top") ||
		    segment_is(s, len, "$skiptoken"))
			continue;
		buf_append(&b, s, len);
		buf_putc(&b, '&');
	}
	if (pg->q.top >= 0)
		buf_printf(&b, "$top=%lld&", pg->q.top - sent);
	buf_printf(&b, "$skiptoken=%s", token);
	out = b.oom ? NULL : arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The token of the page's last row: its order values and key. */
static const char *
token_of(struct req *r, const struct page *pg, const PGresult *res, int last)
{
	size_t n = pg->q.norder + 1, i, first = pg->q.nselect > 0 ? pg->q.nselect :
	    pg->q.entity->ncolumns;
	const char **v = arena_calloc(r->arena, n, sizeof(*v));
	struct buf b = {0};
	const char *out = NULL;

	if (v == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		v[i] = PQgetisnull(res, last, (int)(first + i)) ? NULL :
		    PQgetvalue(res, last, (int)(first + i));
	if (odata_token_encode(&b, pg->check, v, n) == 0)
		out = arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The count of the query's rows, for $count=true and /$count. */
static int
count_rows(struct req *r, const struct odata_query *q, long long *n)
{
	struct odata_error err = {0};
	struct odata_sql sql = {0};
	enum odata_read_rc rc;
	char why[200];
	PGresult *res;

	if (odata_sql_count(r->arena, q, &sql, &err) == -1) {
		odata_sql_free(&sql);
		parse_error(r, &err);
		return -1;
	}
	rc = odata_read(r->pg, r->cfg, &r->actor, &sql, &res, why, sizeof(why));
	odata_sql_free(&sql);
	if (rc != ODATA_READ_OK) {
		sql_error(r, rc, why);
		return -1;
	}
	*n = PQntuples(res) == 1 ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	PQclear(res);
	return 0;
}

/* The query, the page size and where the page starts. 1, or 0 answered. */
static int
page_plan(struct req *r, const struct odata_entity *e, struct page *pg)
{
	struct odata_error err = {0};
	long long asked = maxpagesize(r);

	memset(pg, 0, sizeof(*pg));
	if (odata_query_parse(r->arena, e, r->query_string != NULL ? r->query_string : "",
	    &pg->q, &err) == -1) {
		parse_error(r, &err);
		return 0;
	}
	if (!format_ok(r, pg->q.format))
		return 0;
	pg->size = asked > 0 ? (asked < ODATA_PAGE_MAX ? asked : ODATA_PAGE_MAX) :
	    ODATA_PAGE_DEFAULT;
	pg->size_asked = asked > 0;
	pg->limit = pg->q.top >= 0 && pg->q.top < pg->size ? pg->q.top : pg->size;
	pg->check = odata_token_check(e->set, req_query(r, "$filter"),
	    req_query(r, "$orderby"));
	if (pg->q.skiptoken != NULL && odata_token_decode(r->arena, pg->q.skiptoken,
	    pg->check, pg->q.norder + 1, &pg->after) == -1) {
		odata_error_send(r, 400, "skiptoken_invalid", "This $skiptoken is not one "
		    "the feed gave for this query: follow @odata.nextLink as it is.",
		    "$skiptoken");
		return 0;
	}
	return 1;
}

/* Runs the page's query for one row more than it sends, to know whether
 * there is a next page without an empty one at the end. */
static PGresult *
page_rows(struct req *r, const struct page *pg)
{
	struct odata_error err = {0};
	struct odata_sql sql = {0};
	enum odata_read_rc rc;
	char why[200];
	PGresult *res = NULL;

	if (odata_sql_select(r->arena, &pg->q, pg->after, pg->after != NULL ?
	    pg->q.norder + 1 : 0, pg->limit + 1, &sql, &err) == -1) {
		odata_sql_free(&sql);
		parse_error(r, &err);
		return NULL;
	}
	rc = odata_read(r->pg, r->cfg, &r->actor, &sql, &res, why, sizeof(why));
	odata_sql_free(&sql);
	if (rc != ODATA_READ_OK)
		sql_error(r, rc, why);
	return res;
}

static void
collection(struct req *r, const struct target *t)
{
	struct buf *b = r->resp.body;
	struct page pg;
	struct props props;
	const char *ctx, *link = NULL, *token;
	long long total = 0;
	PGresult *res;
	int i, n, more;

	if (!page_plan(r, t->e, &pg))
		return;
	if (pg.q.count && count_rows(r, &pg.q, &total) == -1)
		return;
	if ((res = page_rows(r, &pg)) == NULL)
		return;
	n = PQntuples(res);
	more = n > pg.limit;
	if (more)
		n = (int)pg.limit;
	/* A client's $top met on this page leaves nothing for a next one. */
	if (pg.q.top >= 0 && pg.q.top - n <= 0)
		more = 0;
	if ((ctx = context_url(r, &pg.q, "")) == NULL || props_of(r, &pg.q, &props) == -1 ||
	    (more && ((token = token_of(r, &pg, res, n - 1)) == NULL ||
	    (link = next_link(r, &pg, t->e->set, token, n)) == NULL))) {
		PQclear(res);
		return odata_refuse(r, 503);
	}
	buf_reset(b);
	buf_puts(b, "{\"@odata.context\":");
	odata_json_string(b, ctx);
	if (pg.q.count)
		buf_printf(b, ",\"@odata.count\":%lld", total);
	buf_puts(b, ",\"value\":[");
	for (i = 0; i < n; i++) {
		buf_append(b, i > 0 ? ",{" : "{", i > 0 ? 2 : 1);
		row_write(b, &props, res, i);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	if (link != NULL) {
		buf_puts(b, ",\"@odata.nextLink\":");
		odata_json_string(b, link);
	}
	buf_puts(b, "}\n");
	PQclear(res);
	if (b->oom)
		return odata_refuse(r, 503);
	r->resp.status = 200;
	r->resp.content_type = ODATA_JSON_TYPE;
	if (pg.size_asked)
		resp_header(r, "Preference-Applied", arena_printf(r->arena,
		    "odata.maxpagesize=%lld", pg.size));
	odata_version_header(r);
}

/* /{set}(key): the key as a $filter of the key column, so that it is
 * checked and compiled like any other value. */
static void
single(struct req *r, const struct target *t)
{
	struct odata_error err = {0};
	struct buf *b = r->resp.body;
	struct page pg;
	struct props props;
	const char *ctx;
	PGresult *res;

	if (!page_plan(r, t->e, &pg))
		return;
	if (pg.q.filter != NULL || pg.q.norder > 0 || pg.q.top >= 0 || pg.q.skip > 0 ||
	    pg.q.count || pg.q.skiptoken != NULL)
		return odata_error_send(r, 400, "syntax", "One row by its key takes "
		    "$select only.", NULL);
	if (odata_filter_parse(r->arena, t->e, arena_printf(r->arena, "%s eq %s",
	    t->e->key, t->key), &pg.q.filter, &err) == -1)
		return odata_error_send(r, 400, "key", arena_printf(r->arena, "The key "
		    "must be a value of %s's %s: a number, or text in single quotes.",
		    t->e->set, t->e->key), NULL);
	pg.limit = 1;
	if ((res = page_rows(r, &pg)) == NULL)
		return;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return odata_error_send(r, 404, "not_found", arena_printf(r->arena,
		    "%s has no row with this key that you may see.", t->e->set), NULL);
	}
	if ((ctx = context_url(r, &pg.q, "/$entity")) == NULL ||
	    props_of(r, &pg.q, &props) == -1) {
		PQclear(res);
		return odata_refuse(r, 503);
	}
	buf_reset(b);
	buf_puts(b, "{\"@odata.context\":");
	odata_json_string(b, ctx);
	buf_putc(b, ',');
	row_write(b, &props, res, 0);
	buf_puts(b, "}\n");
	PQclear(res);
	if (b->oom)
		return odata_refuse(r, 503);
	r->resp.status = 200;
	r->resp.content_type = ODATA_JSON_TYPE;
	odata_version_header(r);
}

void
odata_set_get(struct req *r)
{
	struct target t;

	if (!version_ok(r) || !target_of(r, &t))
		return;
	if (t.key != NULL)
		single(r, &t);
	else
		collection(r, &t);
}

void
odata_count_get(struct req *r)
{
	struct target t;
	struct page pg;
	long long n;

	if (!version_ok(r) || !target_of(r, &t))
		return;
	if (t.key != NULL)
		return odata_refuse(r, 404);
	if (!page_plan(r, t.e, &pg) || count_rows(r, &pg.q, &n) == -1)
		return;
	buf_reset(r->resp.body);
	buf_printf(r->resp.body, "%lld", n);
	r->resp.status = 200;
	r->resp.content_type = "text/plain;charset=utf-8";
	odata_version_header(r);
}
