/* The dashboards' CSV fields. */
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "http/request.h"
#include "pages/dash_csv.h"

int
dash_csv_table(const char *s, const char *const *names, int n)
{
	int t;

	for (t = 0; s != NULL && t < n; t++)
		if (strcmp(s, names[t]) == 0)
			return t;
	return -1;
}

void
dash_csv_row(struct buf *b, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		csv_put(b, v[i], i + 1 == n);
}

const char *
dash_csv_made(struct req *r, const char *s)
{
	if (s == NULL) {
		r->resp.body->oom = 1;
		return "";
	}
	return s;
}

const char *
dash_csv_num(struct req *r, long n)
{
	return dash_csv_made(r, arena_printf(r->arena, "%ld", n));
}

const char *
dash_csv_real(struct req *r, const char *fmt, double v)
{
	return dash_csv_made(r, arena_printf(r->arena, fmt, v));
}
