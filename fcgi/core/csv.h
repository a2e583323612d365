#ifndef CORE_CSV_H
#define CORE_CSV_H

#include <stddef.h>

/* Comma-separated values as RFC 4180 has them, read from a buffer that
 * holds the whole file: fields in double quotes may hold commas, line
 * breaks and doubled quotes (""); rows end with CRLF, LF or a lone CR; a
 * UTF-8 byte order mark at the start is skipped, and so are empty lines
 * (a spreadsheet's trailing ones). Every field must be UTF-8 without NUL
 * bytes: CSV that is not is refused, so that nothing after it has to
 * wonder what its bytes mean. */

#define CSV_FIELDS_MAX	64
#define CSV_ROW_MAX	(1024 * 1024)	/* bytes a row's fields may take */

struct csv {
	const char	*p, *end;	/* what is left to read */
	size_t		 line;		/* the line the next row starts on, from 1 */
	/* The last row read: nfields NUL-terminated fields, in buf. */
	const char	*field[CSV_FIELDS_MAX];
	size_t		 nfields;
	size_t		 row_line;	/* the line it started on */
	char		*buf;
	size_t		 cap;
	/* After csv_next returned -1: what is wrong, and on which line. */
	const char	*error;
	size_t		 error_line;
};

struct buf;

void	csv_init(struct csv *, const char *data, size_t len);
int	csv_next(struct csv *);
void	csv_free(struct csv *);

/* Writing, as RFC 4180 has it: a field in double quotes (its quotes
 * doubled) only when it is empty or holds a comma, a quote, CR or LF; fields separated
 * by commas; a row ended by CRLF (`last`). */
void	csv_put(struct buf *, const char *field, int last);

#endif
