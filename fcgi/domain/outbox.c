/* The job outbox: a job is a row written in the same transaction as the
 * change that caused it, so it exists exactly when the change does. */
#include <stdlib.h>

#include <json-c/json.h>

#include "core/log.h"
#include "domain/outbox.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The web role may only add to the outbox (it may not read it back,
	 * so no RETURNING): the id is taken from the sequence first. */
	{ "outbox_add",
	  "WITH job AS (SELECT nextval('outbox_id_seq') AS id), "
	  "added AS (INSERT INTO outbox (id, type, payload) "
	  "SELECT id, $1, $2::jsonb FROM job) "
	  "SELECT id FROM job" },
};

const struct pg_stmts outbox_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Queues a job of the given type (^[a-z_]{1,32}$, checked by the table) and
 * stores its id in *id when id is not NULL. Returns 0, or -1 when the insert
 * failed (pg_error says why; the caller's transaction can only roll back). */
int
outbox_add_id(struct pg *pg, const char *type, struct json_object *payload,
    long long *id)
{
	const char *params[2];
	PGresult *res;

	if (type == NULL || payload == NULL) {
		log_error("outbox_add: no type or payload");
		return -1;
	}
	params[0] = type;
	params[1] = json_object_to_json_string_ext(payload,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (params[1] == NULL) {
		log_error("outbox_add: out of memory");
		return -1;
	}
	if ((res = pg_exec(pg, "outbox_add", 2, params)) == NULL)
		return -1;
	if (id != NULL)
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return 0;
}

/* As outbox_add_id, when the caller does not need the job's id. */
int
outbox_add(struct pg *pg, const char *type, struct json_object *payload)
{
	return outbox_add_id(pg, type, payload, NULL);
}

/* An email's job (for OUTBOX_MAIL), for the caller to free; NULL (logged)
 * without an address, subject or body, or out of memory. */
struct json_object *
outbox_mail_job(const char *to, const char *subject, const char *body)
{
	struct json_object *mail;

	if (to == NULL || subject == NULL || body == NULL ||
	    (mail = json_object_new_object()) == NULL) {
		log_error("outbox_mail: no address, subject or body, or out of memory");
		return NULL;
	}
	json_object_object_add(mail, "to", json_object_new_string(to));
	json_object_object_add(mail, "subject", json_object_new_string(subject));
	json_object_object_add(mail, "body", json_object_new_string(body));
	return mail;
}

/* Queues an email (a notify job: jobs/notify.c makes the message). The
 * worker refuses a line break in to or subject. Returns 0 or -1, as
 * outbox_add. */
int
outbox_mail(struct pg *pg, const char *to, const char *subject, const char *body)
{
	struct json_object *mail;
	int rc;

	if ((mail = outbox_mail_job(to, subject, body)) == NULL)
		return -1;
	rc = outbox_add(pg, OUTBOX_MAIL, mail);
	json_object_put(mail);
	return rc;
}
