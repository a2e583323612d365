/* Health of the stores a request depends on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/health.h"
#include "store/pg.h"
#include "store/redis.h"

static const struct pg_stmt stmts[] = {
	{ "health_schema",
	  "SELECT coalesce(max(version), 0) FROM schema_migrations" },
};

const struct pg_stmts health_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static void
check_db(struct pg *pg, struct health *h)
{
	PGresult *res = pg_exec(pg, "health_schema", 0, NULL);

	if (res == NULL) {
		snprintf(h->db_error, sizeof(h->db_error), "%s", pg_error(pg));
		return;
	}
	h->schema = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	h->db_ok = 1;
	PQclear(res);
}

static void
check_redis(struct rd *rd, struct health *h)
{
	redisReply *reply = rd_command(rd, "PING");

	if (reply == NULL) {
		snprintf(h->redis_error, sizeof(h->redis_error), "%s", rd_error(rd));
		return;
	}
	if (reply->type == REDIS_REPLY_STATUS && strcmp(reply->str, "PONG") == 0)
		h->redis_ok = 1;
	else
		snprintf(h->redis_error, sizeof(h->redis_error), "unexpected reply: %s",
		    reply->type == REDIS_REPLY_ERROR ? reply->str : "?");
	freeReplyObject(reply);
}

/* Asks each store one question. Never fails: the result says what is down. */
void
health_check(struct pg *pg, struct rd *rd, struct health *h)
{
	memset(h, 0, sizeof(*h));
	check_db(pg, h);
	check_redis(rd, h);
}
