/* Redis: connect lazily, and after a NULL reply (the context is dead)
 * reconnect and retry the command once. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <hiredis/hiredis.h>

#include "store/redis.h"

struct rd {
	redisContext	*c;
	char		*target;	/* a unix socket path, or host:port */
	char		 err[256];
};

static const struct timeval rd_timeout = { 2, 0 };

/* Returns a handle that connects on first use, or NULL when out of memory. */
struct rd *
rd_open(const char *target)
{
	struct rd *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	if ((r->target = strdup(target)) == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

void
rd_close(struct rd *r)
{
	if (r == NULL)
		return;
	if (r->c != NULL)
		redisFree(r->c);
	free(r->target);
	free(r);
}

const char *
rd_error(const struct rd *r)
{
	return r->err;
}

static void
rd_drop(struct rd *r)
{
	if (r->c != NULL) {
		snprintf(r->err, sizeof(r->err), "%s", r->c->errstr[0] ?
		    r->c->errstr : "connection lost");
		redisFree(r->c);
		r->c = NULL;
	}
}

/* Connects when there is no live context. Returns -1 with the error set. */
static int
rd_connect(struct rd *r)
{
	char host[256];
	const char *colon;
	long port;

	if (r->c != NULL)
		return 0;
	colon = strrchr(r->target, ':');
	if (r->target[0] == '/' || colon == NULL) {
		r->c = redisConnectUnixWithTimeout(r->target, rd_timeout);
	} else {
		snprintf(host, sizeof(host), "%.*s", (int)(colon - r->target), r->target);
		port = strtol(colon + 1, NULL, 10);
		r->c = redisConnectWithTimeout(host, (int)port, rd_timeout);
	}
	if (r->c == NULL) {
		snprintf(r->err, sizeof(r->err), "out of memory");
		return -1;
	}
	if (r->c->err) {
		rd_drop(r);
		return -1;
	}
	if (redisSetTimeout(r->c, rd_timeout) != REDIS_OK) {
		rd_drop(r);
		return -1;
	}
	return 0;
}

/* Runs one command. Values must be passed as %s/%b arguments, never pasted
 * into fmt. Returns a reply to freeReplyObject, or NULL with the error set.
 * An error reply is returned as a reply (type REDIS_REPLY_ERROR). */
redisReply *
rd_command(struct rd *r, const char *fmt, ...)
{
	redisReply *reply = NULL;
	va_list ap;
	int attempt;

	for (attempt = 0; attempt < 2 && reply == NULL; attempt++) {
		if (rd_connect(r) == -1)
			return NULL;
		va_start(ap, fmt);
		reply = redisvCommand(r->c, fmt, ap);
		va_end(ap);
		if (reply == NULL)
			rd_drop(r);
	}
	return reply;
}

/* As rd_command, with the arguments as a vector. */
redisReply *
rd_commandv(struct rd *r, int argc, const char **argv, const size_t *lens)
{
	redisReply *reply = NULL;
	int attempt;

	for (attempt = 0; attempt < 2 && reply == NULL; attempt++) {
		if (rd_connect(r) == -1)
			return NULL;
		reply = redisCommandArgv(r->c, argc, argv, lens);
		if (reply == NULL)
			rd_drop(r);
	}
	return reply;
}

/* For commands whose reply only says whether they worked: frees r.
 * Returns 0, or -1 when there was no reply or an error reply. */
int
rd_reply_ok(redisReply *r)
{
	int ok = r != NULL && r->type != REDIS_REPLY_ERROR;

	if (r != NULL)
		freeReplyObject(r);
	return ok ? 0 : -1;
}
