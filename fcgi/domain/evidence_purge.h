#ifndef DOMAIN_EVIDENCE_PURGE_H
#define DOMAIN_EVIDENCE_PURGE_H

struct pg;
struct rd;

/* A file in the sent store that no evidence row names is kept this long
 * after it was linked there: the report naming it may still be committing
 * (seconds; an hour to be safe). Unsent files are not there but in
 * drafts/, and go when their draft has expired. */
#define EVIDENCE_GRACE_SECONDS	(60L * 60)

struct purge_result {
	long	 rows;	/* evidence rows past their retention date, deleted */
	long	 files;	/* stored files no row names, removed */
	long	 tmp;	/* unfinished uploads, removed */
	long	 drafts;	/* unsent files of expired drafts, removed */
};

extern const struct pg_stmts evidence_purge_statements;

/* Runs the purge on the evidence folder dir; rd says which drafts are
 * alive (when it cannot, no draft's files are removed). 0, or -1 (logged). */
int	evidence_purge(struct pg *, struct rd *, const char *dir, long grace_seconds,
	    struct purge_result *);

#endif
