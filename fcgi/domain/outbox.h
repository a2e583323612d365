#ifndef DOMAIN_OUTBOX_H
#define DOMAIN_OUTBOX_H

struct json_object;
struct pg;

/* Jobs written in the caller's transaction, relayed to Redis later by
 * concord-worker (jobs/relay.c). */
extern const struct pg_stmts outbox_statements;

/* The type of an email's job. */
#define OUTBOX_MAIL	"notify"

int	outbox_add(struct pg *, const char *type, struct json_object *payload);
int	outbox_add_id(struct pg *, const char *type, struct json_object *payload,
	    long long *id);
int	outbox_mail(struct pg *, const char *to, const char *subject,
	    const char *body);
struct json_object *outbox_mail_job(const char *to, const char *subject,
	    const char *body);

#endif
