#ifndef DOMAIN_RISK_RECORD_H
#define DOMAIN_RISK_RECORD_H

#include <time.h>

#include "domain/risk.h"

struct actor;
struct arena;
struct json_object;
struct pg;

/* Loading questionnaire versions and recording assessments of incidents
 * (sql/migrations/0022_risk_assessment.sql); the scoring is domain/risk.c. */
extern const struct pg_stmts risk_record_statements;

/* One assessment as recorded: never changed, a reassessment is another. */
struct risk_assessment {
	long long	 id;
	int		 version;
	int		 score;
	enum risk_level	 level;
	const char	*answers;	/* JSON: every question's answer */
	long long	 assessed_by;	/* 0: the public or the system */
	time_t		 assessed_at;
	const char	*reason;
	/* risk_assess only: the question whose answer raised the level */
	const char	*forced_by;	/* its key, or NULL */
	/* risk_history only: */
	const char	*by_name;	/* "" for the public or the system */
	const char	*when;		/* assessed_at, Europe/London, for people */
};

enum risk_rc	risk_questionnaire_load(struct pg *, struct arena *, int version,
		    struct risk_questionnaire *);
enum risk_rc	risk_questionnaire_get(struct pg *, struct arena *,
		    const struct actor *, int version, struct risk_questionnaire *);
enum risk_rc	risk_assess(struct pg *, struct arena *, const struct actor *,
		    const char *reference, long long version,
		    struct json_object *answers, const char *reason,
		    struct risk_assessment *, const char **bad_key);
int		risk_record_tx(struct pg *, struct arena *, const struct actor *,
		    long long incident_id, const struct risk_questionnaire *,
		    const struct risk_result *, struct json_object *answers,
		    const char *reason, struct risk_assessment *);
enum risk_rc	risk_history(struct pg *, struct arena *, const struct actor *,
		    const char *reference, struct risk_assessment **, size_t *);

#endif
