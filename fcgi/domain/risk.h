#ifndef DOMAIN_RISK_H
#define DOMAIN_RISK_H

#include <stddef.h>
#include <time.h>

struct json_object;

/* The structured risk assessment as data (sql/migrations/0022): a
 * numbered questionnaire version with yes / no / don't know questions,
 * their weights, the questions that force a level on their own, the score
 * bands and the review cadence per level. This part is pure: it scores
 * answers against a questionnaire already loaded (domain/risk_record.c
 * loads and saves). */

enum risk_level { RISK_STANDARD, RISK_MEDIUM, RISK_HIGH };
#define RISK_LEVELS	3
#define RISK_NO_LEVEL	(-1)	/* a question that forces no level */

enum risk_answer { RISK_ANSWER_NO, RISK_ANSWER_YES, RISK_ANSWER_UNKNOWN };

enum risk_rc {
	RISK_OK,
	RISK_BAD_KEY,		/* an answer to a question not in the version */
	RISK_BAD_ANSWER,	/* not "yes", "no" or "unknown" */
	RISK_NOT_FOUND,		/* no such version, or no such incident */
	RISK_CONFLICT,		/* the incident changed since it was read */
	RISK_ERROR,
};

struct risk_question {
	const char	*key, *label, *hint;
	enum risk_answer risky;		/* the answer that adds the weight */
	int		 weight;
	int		 forces;	/* an enum risk_level, or RISK_NO_LEVEL */
};

struct risk_questionnaire {
	int		 version;
	const char	*name;
	int		 unknown_percent;	/* of a don't-know's weight */
	const struct risk_question *questions;
	size_t		 n;
	int		 band_min[RISK_LEVELS];	/* band_min[RISK_STANDARD] is 0 */
	const int	*review_days[RISK_LEVELS];	/* ascending */
	size_t		 nreview[RISK_LEVELS];
};

struct risk_result {
	int		 score;
	enum risk_level	 level;
	enum risk_level	 band;		/* the level the score alone gives */
	const char	*forced_by;	/* the question that raised it, or NULL */
};

const char	*risk_level_name(enum risk_level);
int		 risk_level_parse(const char *, enum risk_level *);
const char	*risk_answer_name(enum risk_answer);
int		 risk_answer_parse(const char *, enum risk_answer *);
enum risk_level	 risk_band_of(const struct risk_questionnaire *, int score);
enum risk_rc	 risk_score(const struct risk_questionnaire *,
		    struct json_object *answers, struct risk_result *,
		    const char **bad_key);
size_t		 risk_review_dates(const struct risk_questionnaire *,
		    enum risk_level, time_t assessed, time_t *out, size_t max);
time_t		 risk_review_next(const struct risk_questionnaire *,
		    enum risk_level, time_t assessed, time_t reviewed);

#endif
