#ifndef PAGES_DASH_CSV_H
#define PAGES_DASH_CSV_H

#include <stddef.h>

struct buf;
struct req;

/* What the dashboards' CSV exports share (pages/dash_*_csv.c): the table
 * asked for, and fields made in the request's arena. */

/* The index of s among names[0..n), or -1. */
int		 dash_csv_table(const char *s, const char *const *names, int n);
/* One row of fields, the last ending the row (core/csv.h). */
void		 dash_csv_row(struct buf *, const char *const *v, size_t n);
/* s, or "" with the body marked out of memory when s is NULL, so that the
 * answer is a 500, not a short file. */
const char	*dash_csv_made(struct req *, const char *s);
const char	*dash_csv_num(struct req *, long n);
const char	*dash_csv_real(struct req *, const char *fmt, double v);

#endif
