/* concordctl evidence purge: the retention purge the worker runs every few
 * hours, now (domain/evidence_purge.c). Redis says which drafts live. */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/evidence_purge.h"
#include "domain/tx.h"
#include "store/pg.h"
#include "store/redis.h"

int
ctl_evidence(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &evidence_purge_statements,
	    &tx_statements };
	struct purge_result r;
	struct pg *pg;
	struct rd *rd;
	int rc;

	if (argc != 2 || strcmp(argv[1], "purge") != 0) {
		fprintf(stderr, "usage: concordctl evidence purge\n");
		return 2;
	}
	if ((pg = ctl_worker_db(cfg, sets, sizeof(sets) / sizeof(sets[0]))) == NULL)
		return 1;
	if ((rd = rd_open(cfg->redis)) == NULL) {
		pg_close(pg);
		fprintf(stderr, "concordctl: out of memory\n");
		return 1;
	}
	rc = evidence_purge(pg, rd, cfg->evidence_dir, EVIDENCE_GRACE_SECONDS, &r);
	rd_close(rd);
	pg_close(pg);
	if (rc == -1) {
		fprintf(stderr, "concordctl: the purge failed (see the log above)\n");
		return 1;
	}
	printf("%ld evidence rows past their retention date deleted\n"
	    "%ld stored files that no report uses removed\n"
	    "%ld unfinished uploads removed\n"
	    "%ld files of expired drafts removed\n", r.rows, r.files, r.tmp, r.drafts);
	return 0;
}
