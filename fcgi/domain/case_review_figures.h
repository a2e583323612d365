#ifndef DOMAIN_CASE_REVIEW_FIGURES_H
#define DOMAIN_CASE_REVIEW_FIGURES_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

extern const struct pg_stmts case_review_figures_statements;

/* The ASB Case Review's annual figures (section 104(10) of the 2014 Act):
 * per financial year (1 April to 31 March, London time) and per receiving
 * agency, the four numbers the law asks each body to publish, each by the
 * date of its own event, with the applications behind each number. Nothing
 * personal: references, dates and outcomes. */

enum crf_measure {
	CRF_RECEIVED,		/* applications received (received_at) */
	CRF_NOT_MET,		/* the threshold was not met (decided_at) */
	CRF_REVIEWED,		/* reviews carried out (review_held_at) */
	CRF_RECOMMENDED,	/* reviews that led to recommendations */
};
#define CRF_MEASURES	4
#define CRF_BIT(m)	(1u << (m))

struct crf_application {
	long long	 id;
	const char	*reference;
	const char	*received_on;	/* "3 May 2025", London */
	const char	*outcome;	/* in words (crf_outcome) */
	unsigned	 measures;	/* CRF_BIT(...) of those in this year */
};

struct crf_agency {
	long long		 id;
	const char		*name;
	int			 count[CRF_MEASURES];
	struct crf_application	*apps;
	size_t			 napps;
};

struct crf_year {
	int			 year;		/* 2025: 1 April 2025 to 31 March 2026 */
	int			 first_year;	/* of the choice of years */
	int			 current_year;
	struct crf_agency	*agencies;
	size_t			 nagencies;
	int			 total[CRF_MEASURES];
};

const char	*crf_measure_code(enum crf_measure);	/* "received", ... */
const char	*crf_measure_name(enum crf_measure);	/* "Applications received" */
int		 crf_measure_parse(const char *code);	/* the measure, or -1 */
int		 crf_financial_year(int year, int month);
int		 crf_year_parse(const char *s, int first, int current, int *out);
const char	*crf_outcome(const char *status, int review_held, int recommendations);
void		 crf_tally(struct crf_year *);

/* In a read transaction as the actor (the public too): the figures of
 * `year` (0: the current one). 0, or -1 on error. */
int	case_review_figures_load(struct pg *, struct arena *, const struct actor *,
	    int year, struct crf_year *);

#endif
