#ifndef PAGES_UPLOAD_QUOTA_H
#define PAGES_UPLOAD_QUOTA_H

struct rd;
struct req;

/* What the public may upload in an hour (the upload_*_hour settings):
 * bytes and files, per report (a draft of the form, or a sent report's
 * diary: `draft` names it) and per address, counted in Redis. The
 * request's length is counted before anything is read, each file as it
 * begins, and what was not stored is given back at the end. Moved
 * unchanged from pages/report_evidence.c, whose evidence step uses it as
 * the tracking page's diary (pages/track_log.c) does. */

#define QUOTA_WINDOW	3600	/* the quotas are per hour */

/* The four upload quotas: bytes and files, per draft and per address. */
enum quota_kind { Q_DRAFT_BYTES, Q_DRAFT_FILES, Q_ADDR_BYTES, Q_ADDR_FILES, Q_N };

struct quota {
	char		 key[Q_N][192];
	long long	 limit[Q_N];
	long long	 taken[Q_N];	/* counted by this request so far */
	int		 over;		/* the quota that refused, or -1 */
	long long	 ttl;		/* seconds until it frees up */
};

void		 quota_init(struct req *, struct quota *, const char *draft);
int		 quota_take(struct rd *, struct quota *, int files, long long n);
void		 quota_settle(struct rd *, struct quota *, long long bytes, long long files);
const char	*quota_problem(struct req *, const struct quota *);

#endif
