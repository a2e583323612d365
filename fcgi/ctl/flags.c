/* concordctl flags refresh: recompute the stored flags (README "Flags") of
 * the incidents named, or of every incident, with the windows of the
 * configuration file as it is now: after changing repeat_* or
 * case_review_* keys, and once after migration 0030 for the incidents
 * written before it. A named incident is refreshed with those related
 * to it (flags_refresh_related), as a change to it would. The flags are
 * derived from the record, so this writes no audit row and leaves every
 * version alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/flag_store.h"
#include "domain/statements.h"
#include "domain/tx.h"
#include "store/pg.h"

#define FLAGS_BATCH	200	/* incidents per transaction */

static const struct pg_stmt stmts[] = {
	{ "flags_ctl_ids",
	  "SELECT id FROM incident WHERE $1::text[] IS NULL OR reference = ANY ($1::text[]) "
	  "ORDER BY id" },
};
static const struct pg_stmts ctl_flags_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static int
flags_usage(void)
{
	fprintf(stderr, "usage: concordctl flags refresh [REFERENCE ...]\n");
	return 2;
}

/* The references as a PostgreSQL array literal ({"A","B"}), or NULL for
 * all. References are checked to be letters, digits and '-' only. */
static char *
refs_array(int argc, char *argv[])
{
	size_t len = 3, i;
	char *out, *o;
	int k;

	if (argc == 0)
		return NULL;
	for (k = 0; k < argc; k++) {
		for (i = 0; argv[k][i] != '\0'; i++)
			if (!(argv[k][i] == '-' || (argv[k][i] >= '0' && argv[k][i] <= '9') ||
			    (argv[k][i] >= 'A' && argv[k][i] <= 'Z')))
				return (char *)-1;
		len += i + 3;
	}
	if ((out = malloc(len)) == NULL)
		return (char *)-1;
	o = out;
	*o++ = '{';
	for (k = 0; k < argc; k++)
		o += sprintf(o, "%s\"%s\"", k > 0 ? "," : "", argv[k]);
	*o++ = '}';
	*o = '\0';
	return out;
}

static int
flags_refresh_cmd(const struct config *cfg, int argc, char *argv[])
{
	const struct pg_stmts **sets;	/* pg keeps it: freed after pg_close */
	/* The system acting: no user, no agency (the rules look at every
	 * incident whoever owns it). */
	struct actor system = { 0 };
	char *refs = refs_array(argc, argv);
	const char *p[1] = { refs };
	PGresult *res = NULL;
	struct pg *pg = NULL;
	long long id;
	int i, rows = 0, open = 0, rc = 1;

	if (refs == (char *)-1) {
		fprintf(stderr, "concordctl: flags: a reference looks like ASB-2026-000123\n");
		return 2;
	}
	if ((sets = calloc(domain_statements_n + 1, sizeof(*sets))) == NULL) {
		free(refs);
		return 1;
	}
	memcpy(sets, domain_statements, sizeof(*sets) * domain_statements_n);
	sets[domain_statements_n] = &ctl_flags_statements;
	if ((pg = pg_open(cfg->db_admin, sets, domain_statements_n + 1)) == NULL) {
		fprintf(stderr, "concordctl: flags: cannot connect as db_admin\n");
		goto out;
	}
	if ((res = pg_exec(pg, "flags_ctl_ids", 1, p)) == NULL)
		goto fail;
	rows = PQntuples(res);
	if (refs != NULL && rows != argc) {
		fprintf(stderr, "concordctl: flags: %d of the %d references are not "
		    "incidents\n", argc - rows, argc);
		goto out;
	}
	for (i = 0; i < rows; i++) {
		if (!open && tx_begin(pg, &system) == -1)
			goto fail;
		open = 1;
		id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		/* A named incident is refreshed as the intake does a new one:
		 * itself, then those it may have changed. */
		if (flags_refresh(pg, cfg, id, NULL) == -1 ||
		    (refs != NULL && flags_refresh_related(pg, cfg, id) == -1))
			goto fail;
		if ((i + 1) % FLAGS_BATCH == 0 || i + 1 == rows) {
			open = 0;
			if (pg_commit(pg) == -1)
				goto fail;
		}
	}
	printf("%d incidents refreshed\n", rows);
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "concordctl: flags: %s\n", pg_error(pg));
	if (open)
		pg_rollback(pg);
out:
	PQclear(res);
	pg_close(pg);
	free(sets);
	free(refs);
	return rc;
}

int
ctl_flags(const struct config *cfg, int argc, char *argv[])
{
	if (argc >= 2 && strcmp(argv[1], "refresh") == 0)
		return flags_refresh_cmd(cfg, argc - 2, argv + 2);
	return flags_usage();
}
