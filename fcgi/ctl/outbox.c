/* concordctl outbox prune: the outbox clean-up the worker runs every hour,
 * now: the jobs delivered more than outbox_keep_days ago are deleted
 * (domain/outbox_keep.c). */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/outbox_keep.h"
#include "store/pg.h"

struct pg *
ctl_worker_db(const struct config *cfg, const struct pg_stmts *const *sets, size_t nsets)
{
	struct pg *pg;

	if (cfg->db_worker[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db_worker is not set\n", cfg->path);
		return NULL;
	}
	if ((pg = pg_open(cfg->db_worker, sets, nsets)) == NULL)
		fprintf(stderr, "concordctl: out of memory\n");
	return pg;
}

int
ctl_outbox(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &outbox_keep_statements };
	struct pg *pg;
	long n;

	if (argc != 2 || strcmp(argv[1], "prune") != 0) {
		fprintf(stderr, "usage: concordctl outbox prune\n");
		return 2;
	}
	if ((pg = ctl_worker_db(cfg, sets, 1)) == NULL)
		return 1;
	n = outbox_prune(pg, cfg->outbox_keep_days);
	pg_close(pg);
	if (n == -1) {
		fprintf(stderr, "concordctl: the prune failed (see the log above)\n");
		return 1;
	}
	printf("%ld jobs delivered more than %d days ago deleted\n", n,
	    cfg->outbox_keep_days);
	return 0;
}
