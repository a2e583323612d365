#ifndef DOMAIN_EVIDENCE_PURGE_H
#define DOMAIN_EVIDENCE_PURGE_H

struct pg;

/* A stored file no evidence row names is kept this long after it was last
 * stored: a draft report may still be about to name it (24 hours), and
 * an hour more for the report being sent. */
#define EVIDENCE_GRACE_SECONDS	(25L * 60 * 60)

struct purge_result {
	long	 rows;	/* evidence rows past their retention date, deleted */
	long	 files;	/* stored files no row names, removed */
	long	 tmp;	/* unfinished uploads, removed */
};

extern const struct pg_stmts evidence_purge_statements;

/* Runs the purge on the evidence folder dir. 0, or -1 (logged). */
int	evidence_purge(struct pg *, const char *dir, long grace_seconds,
	    struct purge_result *);

#endif
