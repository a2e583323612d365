/* The notify job: {"to": ..., "subject": ..., "body": ...} becomes an email
 * message file in the mail_outbox directory, for the mail relay to send.
 * The file is named by outbox id (<id>.eml) and written under a temporary
 * name first, so a second delivery of the job replaces the message rather
 * than sending it twice, and the relay never sees half a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "jobs/jobs.h"

#define SUBJECT_MAX	900
#define BODY_MAX	(1024 * 1024)

/* Whether an outbox id is a number, and so safe in a file name. */
static int
id_valid(const char *id)
{
	size_t n = strspn(id, "0123456789");

	return n > 0 && n <= 19 && id[n] == '\0';
}

/* The string member key of o, or NULL with err set when it is missing,
 * not a string, or longer than max. */
static const char *
payload_string(struct json_object *o, const char *key, size_t max,
    char *err, size_t errlen)
{
	struct json_object *v;
	const char *s;
	int len;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string)) {
		snprintf(err, errlen, "payload: \"%s\" missing or not a string", key);
		return NULL;
	}
	s = json_object_get_string(v);
	len = json_object_get_string_len(v);
	if ((size_t)len > max || memchr(s, '\0', (size_t)len) != NULL) {
		snprintf(err, errlen, "payload: \"%s\" too long or has a NUL", key);
		return NULL;
	}
	return s;
}

/* Fills the message fields from the payload. Header injection (a line
 * break in to or subject) is refused, not cleaned up: the producer is
 * broken. Returns -1 with err set for a payload that can never work. */
static int
notify_read(struct json_object *o, struct mail *m, char *err, size_t errlen)
{
	const unsigned char *p;

	if (!json_object_is_type(o, json_type_object)) {
		snprintf(err, errlen, "payload: not a JSON object");
		return -1;
	}
	if ((m->to = payload_string(o, "to", 254, err, errlen)) == NULL ||
	    (m->subject = payload_string(o, "subject", SUBJECT_MAX, err, errlen)) == NULL ||
	    (m->body = payload_string(o, "body", BODY_MAX, err, errlen)) == NULL)
		return -1;
	if (strpbrk(m->to, "\r\n") != NULL || strpbrk(m->subject, "\r\n") != NULL) {
		snprintf(err, errlen, "payload: header injection refused "
		    "(line break in \"to\" or \"subject\")");
		return -1;
	}
	if (!mail_addr_valid(m->to)) {
		snprintf(err, errlen, "payload: \"to\" is not one email address");
		return -1;
	}
	for (p = (const unsigned char *)m->subject; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {
			snprintf(err, errlen, "payload: control character in \"subject\"");
			return -1;
		}
	return 0;
}

/* Writes all of b to fd. Returns 0, or -1 with errno set. */
static int
write_all(int fd, const struct buf *b)
{
	size_t off = 0;
	ssize_t n;

	while (off < b->len) {
		n = write(fd, b->data + off, b->len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += (size_t)n;
	}
	return 0;
}

/* Puts the message in place as dir/<id>.eml, durably: temporary file,
 * fsync, rename, fsync of the directory. Any failure may pass (a full
 * disk, a missing directory), so it asks for a retry. */
static enum job_result
notify_write(const char *dir, const char *id, const struct buf *msg,
    char *err, size_t errlen)
{
	char path[4096], tmp[4096];
	const char *step;
	int fd, dfd, saved;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s.eml", dir, id) >= sizeof(path) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.%s.eml.%ld.tmp", dir, id,
	    (long)getpid()) >= sizeof(tmp)) {
		snprintf(err, errlen, "mail_outbox: path too long");
		return JOB_RETRY;
	}
	step = "open";
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd == -1)
		goto err;
	step = "write";
	if (write_all(fd, msg) == -1)
		goto err_close;
	step = "fsync";
	if (fsync(fd) == -1)
		goto err_close;
	step = "close";
	if (close(fd) == -1)
		goto err;
	step = "rename";
	if (rename(tmp, path) == -1)
		goto err;
	/* The rename is durable once the directory is. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	return JOB_OK;
err_close:
	saved = errno;
	close(fd);
	errno = saved;
err:
	snprintf(err, errlen, "%s %s: %s", step, tmp, strerror(errno));
	(void)unlink(tmp);
	return JOB_RETRY;
}

/* Runs a notify job. Returns JOB_FAIL for a payload that can never be
 * sent, JOB_RETRY when writing the file failed. */
enum job_result
notify_run(struct worker *w, const struct job *j, char *err, size_t errlen)
{
	struct json_object *o;
	enum json_tokener_error jerr;
	struct mail m;
	struct buf msg = {0};
	char msgid[64];
	enum job_result rc = JOB_FAIL;

	if (!id_valid(j->id)) {
		snprintf(err, errlen, "outbox id is not a number");
		return JOB_FAIL;
	}
	if ((o = json_tokener_parse_verbose(j->payload, &jerr)) == NULL) {
		snprintf(err, errlen, "payload: not JSON: %s", json_tokener_error_desc(jerr));
		return JOB_FAIL;
	}
	memset(&m, 0, sizeof(m));
	if (notify_read(o, &m, err, errlen) == -1)
		goto out;
	snprintf(msgid, sizeof(msgid), "<outbox.%s@concord>", j->id);
	m.from = w->cfg->mail_from;
	m.message_id = msgid;
	m.date = clock_epoch();
	if (mail_format(&msg, &m) == -1) {
		snprintf(err, errlen, "out of memory");
		rc = JOB_RETRY;
		goto out;
	}
	rc = notify_write(w->cfg->mail_outbox, j->id, &msg, err, errlen);
out:
	json_object_put(o);
	buf_free(&msg);
	return rc;
}
