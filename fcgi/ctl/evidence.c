/* concordctl evidence purge: the retention purge the worker runs every few
 * hours, now (domain/evidence_purge.c). */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/evidence_purge.h"
#include "store/pg.h"

int
ctl_evidence(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &evidence_purge_statements };
	struct purge_result r;
	struct pg *pg;
	int rc;

	if (argc != 2 || strcmp(argv[1], "purge") != 0) {
		fprintf(stderr, "usage: concordctl evidence purge\n");
		return 2;
	}
	if ((pg = pg_open(cfg->db, sets, 1)) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		return 1;
	}
	rc = evidence_purge(pg, cfg->evidence_dir, EVIDENCE_GRACE_SECONDS, &r);
	pg_close(pg);
	if (rc == -1) {
		fprintf(stderr, "concordctl: the purge failed (see the log above)\n");
		return 1;
	}
	printf("%ld evidence rows past their retention date deleted\n"
	    "%ld stored files that no report uses removed\n"
	    "%ld unfinished uploads removed\n", r.rows, r.files, r.tmp);
	return 0;
}
