/* Structured logging: JSON lines on stderr, one write(2) per line so lines
 * from several workers sharing the file never interleave. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/log.h"

static const char *log_program = "concord";
static char log_reqid[64];
static struct buf log_line;

static const char *const level_names[] = { "debug", "info", "warn", "error" };

void
log_init(const char *program)
{
	log_program = program;
}

/* Remembers the request id (or clears it with NULL) for the lines that follow. */
void
log_set_request(const char *id)
{
	if (id == NULL)
		id = "";
	snprintf(log_reqid, sizeof(log_reqid), "%s", id);
}

/* Appends s as a JSON string, quotes included. */
static void
json_quote(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, (char)*p);
		}
	}
	buf_putc(b, '"');
}

/* Starts a line with the fields every line has. */
static void
line_begin(enum log_level level)
{
	struct timespec ts;
	struct tm tm;
	char when[32];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	buf_reset(&log_line);
	buf_printf(&log_line, "{\"ts\":\"%s.%03ldZ\",\"level\":\"%s\","
	    "\"prog\":\"%s\",\"pid\":%ld", when, ts.tv_nsec / 1000000,
	    level_names[level], log_program, (long)getpid());
	if (log_reqid[0] != '\0') {
		buf_puts(&log_line, ",\"request_id\":");
		json_quote(&log_line, log_reqid);
	}
}

static void
line_end(void)
{
	ssize_t n;
	size_t off = 0;

	buf_puts(&log_line, "}\n");
	if (log_line.oom)
		return;
	while (off < log_line.len) {
		n = write(STDERR_FILENO, log_line.data + off, log_line.len - off);
		if (n <= 0)
			return;
		off += (size_t)n;
	}
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	struct buf msg = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	line_begin(level);
	buf_puts(&log_line, ",\"msg\":");
	json_quote(&log_line, buf_cstr(&msg));
	line_end();
	buf_free(&msg);
}

void
log_request(const char *method, const char *path, int status, double ms,
    unsigned long long bytes)
{
	line_begin(status >= 500 ? LOG_ERROR : LOG_INFO);
	buf_puts(&log_line, ",\"event\":\"request\",\"method\":");
	json_quote(&log_line, method);
	buf_puts(&log_line, ",\"path\":");
	json_quote(&log_line, path);
	buf_printf(&log_line, ",\"status\":%d,\"duration_ms\":%.3f,\"bytes\":%llu",
	    status, ms, bytes);
	line_end();
}
