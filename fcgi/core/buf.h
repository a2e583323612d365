#ifndef CORE_BUF_H
#define CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A growable byte buffer. After a failed allocation `oom` is set and
 * further appends do nothing, so callers may check once at the end. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	int	 oom;
};

int	 buf_append(struct buf *, const void *, size_t);
int	 buf_puts(struct buf *, const char *);
int	 buf_putc(struct buf *, char);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
const char *buf_cstr(struct buf *);

#endif
