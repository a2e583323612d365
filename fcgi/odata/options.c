/* The system query options of one OData request (odata.h): the raw query
 * string split at '&', each name and value percent-decoded, then $filter,
 * $select, $orderby, $top, $skip, $count, $skiptoken and $format read;
 * what the feed does not support is a 501, a repeated or unknown system
 * option a 400. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odata/odata_impl.h"

enum opt {
	OPT_FILTER, OPT_SELECT, OPT_ORDERBY, OPT_TOP, OPT_SKIP, OPT_COUNT,
	OPT_SKIPTOKEN, OPT_FORMAT, OPT_N
};

static const char *const opt_names[OPT_N] = {
	"$filter", "$select", "$orderby", "$top", "$skip", "$count",
	"$skiptoken", "$format",
};

/* System options of OData the feed does not answer: 501. */
static const char *const opt_unsupported[] = {
	"$expand", "$search", "$apply", "$compute", "$levels", "$index",
};

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Decodes raw[0..n) into *out; (*map)[i] is the raw offset of decoded
 * byte i (and (*map)[len] == n). A bad escape or %00 is a 400 with
 * err->query_at at it (base is raw's offset in the query string). */
static int
decode(struct arena *a, const char *raw, size_t n, size_t base,
    const char *option, char **out, size_t **map, struct odata_error *err)
{
	char *d;
	size_t *m, i, j = 0;
	int hi, lo;

	if ((d = arena_alloc(a, n + 1)) == NULL ||
	    (m = arena_alloc(a, (n + 1) * sizeof(*m))) == NULL)
		return odata_fail(err, 500, "memory", option, -1, "out of memory");
	for (i = 0; i < n; i++) {
		m[j] = i;
		if (raw[i] == '%') {
			if (i + 2 >= n || (hi = hexval(raw[i + 1])) < 0 ||
			    (lo = hexval(raw[i + 2])) < 0) {
				odata_fail(err, 400, "syntax", option, -1,
				    "a '%%' that is not followed by two hexadecimal digits: "
				    "write %%25 for a percent sign");
				err->query_at = (long)(base + i);
				return -1;
			}
			if (hi == 0 && lo == 0) {
				odata_fail(err, 400, "syntax", option, -1,
				    "%%00 (a zero byte) is not allowed");
				err->query_at = (long)(base + i);
				return -1;
			}
			d[j++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (raw[i] == '+') {
			/* form encoding's space, but not a date-time's offset sign */
			int sign = i > 0 && is_digit(raw[i - 1]) && i + 3 < n &&
			    is_digit(raw[i + 1]) && is_digit(raw[i + 2]) && raw[i + 3] == ':';

			d[j++] = sign ? '+' : ' ';
		} else
			d[j++] = raw[i];
	}
	m[j] = n;
	d[j] = '\0';
	*out = d;
	*map = m;
	return 0;
}

/* A non-negative integer option ($top, $skip). */
static int
read_count(const char *v, const char *option, int64_t *out, struct odata_error *err)
{
	size_t i, n = strlen(v);
	long long x;

	if (n == 0 || n > 18)
		goto bad;
	for (i = 0; i < n; i++)
		if (!is_digit(v[i]))
			goto bad;
	errno = 0;
	x = strtoll(v, NULL, 10);
	if (errno != 0 || x < 0)
		goto bad;
	*out = x;
	return 0;
bad:
	return odata_fail(err, 400, "syntax", option, 0,
	    "expected a whole number from 0, e.g. %s=100", option);
}

static void
parser_init(struct odata_parser *p, struct arena *a, const struct odata_entity *ent,
    const char *v, const char *option, struct odata_error *err)
{
	memset(p, 0, sizeof(*p));
	p->lx.arena = a;
	p->lx.s = v;
	p->lx.n = strlen(v);
	p->lx.err = err;
	p->lx.option = option;
	p->entity = ent;
}

/* After an item of a list: optional spaces, then ',' (1), the end (0),
 * or a 400 (-1). */
static int
list_next(struct odata_parser *p, const char *what)
{
	struct odata_token t;
	size_t save = p->lx.pos;

	if (odata_lex(&p->lx, &t) == -1)
		return -1;
	if (t.kind == TOK_SPACE && odata_lex(&p->lx, &t) == -1)
		return -1;
	if (t.kind == TOK_COMMA) {
		if (odata_peek(&p->lx, &t) == -1)
			return -1;
		if (t.kind == TOK_SPACE)
			p->lx.pos += t.len;
		return 1;
	}
	if (t.kind == TOK_END) {
		if (p->lx.pos != save)
			return odata_fail(p->lx.err, 400, "syntax", p->lx.option,
			    (long)save, "a space at the end: remove it");
		return 0;
	}
	return odata_fail(p->lx.err, 400, "syntax", p->lx.option, (long)t.at,
	    "expected ',' between %s", what);
}

/* $select: * or a comma list of properties. */
static int
read_select(struct arena *a, const struct odata_entity *ent, const char *v,
    struct odata_query *q, struct odata_error *err)
{
	struct odata_parser p;
	struct odata_token t, after;
	const struct odata_column *c;
	int star = 0, r;
	size_t i, dup;

	parser_init(&p, a, ent, v, "$select", err);
	for (;;) {
		if (odata_lex(&p.lx, &t) == -1)
			return -1;
		switch (t.kind) {
		case TOK_STAR:
			star = 1;
			break;
		case TOK_NAME:
			if (odata_peek(&p.lx, &after) == -1)
				return -1;
			if (strchr(t.text, '.') != NULL || after.kind == TOK_SLASH ||
			    after.kind == TOK_OPEN)
				return odata_fail(err, 501, "not_supported", "$select",
				    (long)t.at, "only properties of the entity can be selected");
			if (ent == NULL)
				break;
			if ((c = odata_column_find(ent, t.text, t.len)) == NULL)
				return odata_fail(err, 400, "unknown_property", "$select",
				    (long)t.at, "%s has no property '%s'",
				    ent->set ? ent->set : "this entity set", t.text);
			for (i = 0, dup = 0; i < q->nselect; i++)
				dup |= q->select[i] == c;
			if (dup)
				break;
			if (q->nselect == ODATA_MAX_SELECT)
				return odata_fail(err, 400, "too_many", "$select",
				    (long)t.at, "at most %d properties", ODATA_MAX_SELECT);
			q->select[q->nselect++] = c;
			break;
		case TOK_DOLLAR:
		case TOK_ALIAS:
			return odata_fail(err, 501, "not_supported", "$select", (long)t.at,
			    "only properties of the entity can be selected");
		default:
			return odata_fail(err, 400, "syntax", "$select", (long)t.at,
			    "expected a property name or *");
		}
		if ((r = list_next(&p, "properties")) == -1)
			return -1;
		if (r == 0)
			break;
	}
	if (star)
		q->nselect = 0;
	return 0;
}

/* $orderby: property [asc|desc], comma separated. */
static int
read_orderby(struct arena *a, const struct odata_entity *ent, const char *v,
    struct odata_query *q, struct odata_error *err)
{
	struct odata_parser p;
	struct odata_token t, w;
	struct odata_expr *e;
	size_t save;
	int r;

	parser_init(&p, a, ent, v, "$orderby", err);
	for (;;) {
		if ((e = odata_parse_expr(&p)) == NULL)
			return -1;
		if (e->kind != N_PROPERTY)
			return odata_fail(err, 501, "not_supported", "$orderby", (long)e->at,
			    "ordering by an expression is not supported: order by properties");
		if (q->norder == ODATA_MAX_ORDER)
			return odata_fail(err, 400, "too_many", "$orderby", (long)e->at,
			    "at most %d orderings", ODATA_MAX_ORDER);
		q->order[q->norder].column = e->column;
		q->order[q->norder].desc = 0;
		q->norder++;
		save = p.lx.pos;
		if (odata_peek(&p.lx, &t) == -1)
			return -1;
		if (t.kind == TOK_SPACE) {
			p.lx.pos += t.len;
			if (odata_peek(&p.lx, &w) == -1)
				return -1;
			if (w.kind == TOK_NAME && w.len == 4 && strncasecmp(w.text, "desc", 4) == 0) {
				q->order[q->norder - 1].desc = 1;
				p.lx.pos += w.len;
			} else if (w.kind == TOK_NAME && w.len == 3 &&
			    strncasecmp(w.text, "asc", 3) == 0)
				p.lx.pos += w.len;
			else if (w.kind != TOK_COMMA && w.kind != TOK_END)
				return odata_fail(err, 400, "syntax", "$orderby", (long)w.at,
				    "expected asc, desc or ',' after the property");
			else
				p.lx.pos = save;
		}
		if ((r = list_next(&p, "orderings")) == -1)
			return -1;
		if (r == 0)
			return 0;
	}
}

/* The value of one option, parsed into q. */
static int
read_option(struct arena *a, const struct odata_entity *ent, enum opt o,
    const char *v, struct odata_query *q, struct odata_error *err)
{
	switch (o) {
	case OPT_FILTER:
		return odata_filter_parse(a, ent, v, &q->filter, err);
	case OPT_SELECT:
		return read_select(a, ent, v, q, err);
	case OPT_ORDERBY:
		return read_orderby(a, ent, v, q, err);
	case OPT_TOP:
		return read_count(v, "$top", &q->top, err);
	case OPT_SKIP:
		return read_count(v, "$skip", &q->skip, err);
	case OPT_COUNT:
		if (strcmp(v, "true") == 0)
			q->count = 1;
		else if (strcmp(v, "false") == 0)
			q->count = 0;
		else
			return odata_fail(err, 400, "syntax", "$count", 0,
			    "expected true or false");
		return 0;
	case OPT_SKIPTOKEN:
		q->skiptoken = v;
		return 0;
	case OPT_FORMAT:
		q->format = v;
		return 0;
	case OPT_N:
		break;
	}
	return 0;
}

int
odata_query_parse(struct arena *a, const struct odata_entity *ent,
    const char *query, struct odata_query *out, struct odata_error *err)
{
	int seen[OPT_N] = { 0 };
	const char *seg, *end, *eq;
	char *name, *value;
	size_t *map, *nmap, nlen, i;
	enum opt o;

	memset(out, 0, sizeof(*out));
	out->entity = ent;
	out->top = -1;
	if (err != NULL)
		memset(err, 0, sizeof(*err));
	if (query == NULL)
		return 0;
	for (seg = query; *seg != '\0'; seg = *end == '&' ? end + 1 : end) {
		size_t off = (size_t)(seg - query);

		if ((end = strchr(seg, '&')) == NULL)
			end = seg + strlen(seg);
		if (end == seg)
			continue;
		eq = memchr(seg, '=', (size_t)(end - seg));
		nlen = (size_t)((eq != NULL ? eq : end) - seg);
		if (decode(a, seg, nlen, off, NULL, &name, &nmap, err) == -1)
			return -1;
		if (name[0] != '$')
			continue;	/* a custom option: the feed's own */
		for (o = 0; o < OPT_N; o++)
			if (strcmp(name, opt_names[o]) == 0)
				break;
		if (o == OPT_N) {
			for (i = 0; i < sizeof(opt_unsupported) / sizeof(opt_unsupported[0]); i++)
				if (strcmp(name, opt_unsupported[i]) == 0) {
					odata_fail(err, 501, "not_supported", opt_unsupported[i], -1,
					    "not supported by this feed");
					err->query_at = (long)off;
					return -1;
				}
			odata_fail(err, 400, "unknown_option", NULL, -1,
			    "there is no system query option '%.40s' (names are "
			    "case-sensitive: $filter, $select, $orderby, $top, $skip, "
			    "$count, $skiptoken, $format)", name);
			err->query_at = (long)off;
			return -1;
		}
		if (seen[o]++) {
			odata_fail(err, 400, "repeated_option", opt_names[o], -1,
			    "given twice: give each system query option once");
			err->query_at = (long)off;
			return -1;
		}
		if (eq == NULL) {
			odata_fail(err, 400, "syntax", opt_names[o], -1,
			    "expected '=' and a value, e.g. %s=...", opt_names[o]);
			err->query_at = (long)(off + nlen);
			return -1;
		}
		if (decode(a, eq + 1, (size_t)(end - eq - 1), off + nlen + 1,
		    opt_names[o], &value, &map, err) == -1)
			return -1;
		if (read_option(a, ent, o, value, out, err) == -1) {
			err->query_at = (long)(off + nlen + 1) +
			    (err->at >= 0 ? (long)map[err->at] : 0);
			return -1;
		}
	}
	return 0;
}
