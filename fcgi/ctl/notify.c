/* concordctl notify: queues an email through the outbox, as the
 * application would, connected as the application's role. */
#include <getopt.h>
#include <stdio.h>

#include <json-c/json.h>

#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/outbox.h"
#include "store/pg.h"

/* Bad arguments: returns the exit status for them. */
static int
notify_usage(void)
{
	fprintf(stderr, "usage: concordctl notify --to ADDR --subject TEXT "
	    "--body TEXT\n");
	return 2;
}

/* Builds {"to", "subject", "body"}. Returns NULL when out of memory. */
static struct json_object *
notify_payload(const char *to, const char *subject, const char *body)
{
	struct json_object *o;

	if ((o = json_object_new_object()) == NULL)
		return NULL;
	if (json_object_object_add(o, "to", json_object_new_string(to)) != 0 ||
	    json_object_object_add(o, "subject", json_object_new_string(subject)) != 0 ||
	    json_object_object_add(o, "body", json_object_new_string(body)) != 0) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* Writes the outbox row in a transaction of its own and prints its id.
 * The worker checks the message; this only queues it. */
int
ctl_notify(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "to",		required_argument, NULL, 't' },
		{ "subject",	required_argument, NULL, 's' },
		{ "body",	required_argument, NULL, 'b' },
		{ NULL,		0, NULL, 0 },
	};
	static const struct pg_stmts *const sets[] = { &outbox_statements };
	const char *to = NULL, *subject = NULL, *body = NULL;
	struct json_object *payload = NULL;
	struct pg *pg = NULL;
	long long id;
	int c, rc = 1;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 't':
			to = optarg;
			break;
		case 's':
			subject = optarg;
			break;
		case 'b':
			body = optarg;
			break;
		default:
			return notify_usage();
		}
	if (to == NULL || subject == NULL || body == NULL || optind != argc)
		return notify_usage();
	if (cfg->db[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db is not set\n", cfg->path);
		return 1;
	}
	if ((payload = notify_payload(to, subject, body)) == NULL ||
	    (pg = pg_open(cfg->db, sets, 1)) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		goto out;
	}
	if (pg_begin(pg) == -1 || outbox_add_id(pg, "notify", payload, &id) == -1 ||
	    pg_commit(pg) == -1) {
		fprintf(stderr, "concordctl: notify: %s\n", pg_error(pg));
		pg_rollback(pg);
		goto out;
	}
	printf("%lld\n", id);
	rc = 0;
out:
	json_object_put(payload);
	pg_close(pg);
	return rc;
}
