/* Risk scoring: answers and a questionnaire version in, score and level
 * out, and when the assessment is due for review. No SQL here: see
 * domain/risk_record.c. README "Risk assessment" describes the model. */
#include <string.h>

#include <json-c/json.h>

#include "domain/risk.h"

#define DAY	86400

static const char *const level_names[RISK_LEVELS] = { "standard", "medium", "high" };
static const char *const answer_names[] = { "no", "yes", "unknown" };

/* The level as the database spells it (the risk_level type). */
const char *
risk_level_name(enum risk_level l)
{
	return (unsigned)l < RISK_LEVELS ? level_names[l] : "";
}

/* 0 and the level, or -1 for anything else. */
int
risk_level_parse(const char *s, enum risk_level *out)
{
	int i;

	for (i = 0; s != NULL && i < RISK_LEVELS; i++)
		if (strcmp(s, level_names[i]) == 0) {
			*out = (enum risk_level)i;
			return 0;
		}
	return -1;
}

const char *
risk_answer_name(enum risk_answer a)
{
	return (unsigned)a < sizeof(answer_names) / sizeof(answer_names[0]) ?
	    answer_names[a] : "";
}

/* "yes", "no" or "unknown" (don't know): 0 and the answer, or -1. */
int
risk_answer_parse(const char *s, enum risk_answer *out)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof(answer_names) / sizeof(answer_names[0]); i++)
		if (strcmp(s, answer_names[i]) == 0) {
			*out = (enum risk_answer)i;
			return 0;
		}
	return -1;
}

/* The highest level whose band starts at or below score. */
enum risk_level
risk_band_of(const struct risk_questionnaire *q, int score)
{
	int l;

	for (l = RISK_LEVELS - 1; l > RISK_STANDARD; l--)
		if (score >= q->band_min[l])
			return (enum risk_level)l;
	return RISK_STANDARD;
}

static const struct risk_question *
question_find(const struct risk_questionnaire *q, const char *key)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (strcmp(q->questions[i].key, key) == 0)
			return &q->questions[i];
	return NULL;
}

/* Scores answers (a JSON object of question key to "yes", "no" or
 * "unknown"; NULL for none) against a version. A question not answered
 * counts as don't know: what was not asked is not known to be safe. The
 * risky answer adds the weight; the don't-knows add unknown_percent of
 * their weights together, rounded down; the level is the score's band,
 * raised by any question whose risky answer forces a higher one.
 * RISK_OK, or RISK_BAD_KEY / RISK_BAD_ANSWER with *bad_key naming the
 * answer at fault (out is then unset). */
enum risk_rc
risk_score(const struct risk_questionnaire *q, struct json_object *answers,
    struct risk_result *out, const char **bad_key)
{
	struct json_object *v;
	enum risk_answer ans;
	size_t i;
	int score = 0, unknown = 0;

	*bad_key = NULL;
	if (answers != NULL && !json_object_is_type(answers, json_type_object))
		return RISK_BAD_ANSWER;
	if (answers != NULL) {
		json_object_object_foreach(answers, key, val) {
			if (question_find(q, key) == NULL) {
				*bad_key = key;
				return RISK_BAD_KEY;
			}
			if (!json_object_is_type(val, json_type_string) ||
			    risk_answer_parse(json_object_get_string(val), &ans) == -1) {
				*bad_key = key;
				return RISK_BAD_ANSWER;
			}
		}
	}
	out->forced_by = NULL;
	out->level = RISK_STANDARD;
	for (i = 0; i < q->n; i++) {
		const struct risk_question *qu = &q->questions[i];

		ans = RISK_ANSWER_UNKNOWN;
		if (answers != NULL && json_object_object_get_ex(answers, qu->key, &v))
			(void)risk_answer_parse(json_object_get_string(v), &ans);
		if (ans == RISK_ANSWER_UNKNOWN) {
			unknown += qu->weight;
			continue;
		}
		if (ans != qu->risky)
			continue;
		score += qu->weight;
		if (qu->forces != RISK_NO_LEVEL && qu->forces > (int)out->level) {
			out->level = (enum risk_level)qu->forces;
			out->forced_by = qu->key;
		}
	}
	out->score = score + unknown * q->unknown_percent / 100;
	out->band = risk_band_of(q, out->score);
	if (out->band >= out->level) {
		out->level = out->band;
		out->forced_by = NULL;
	}
	return RISK_OK;
}

/* When an assessment made at `assessed` at this level is due for review,
 * earliest first: the cadence's days after it, as 24-hour days (UTC has
 * no clock changes). Writes up to max and returns how many there are. */
size_t
risk_review_dates(const struct risk_questionnaire *q, enum risk_level l,
    time_t assessed, time_t *out, size_t max)
{
	size_t i, n;

	if ((unsigned)l >= RISK_LEVELS)
		return 0;
	n = q->nreview[l];
	for (i = 0; i < n && i < max; i++)
		out[i] = assessed + (time_t)q->review_days[l][i] * DAY;
	return n;
}

/* The next review due after the last one done (`reviewed`; the
 * assessment's own time when there has been none): a date already past is
 * overdue. 0 when the cadence has no review left. */
time_t
risk_review_next(const struct risk_questionnaire *q, enum risk_level l,
    time_t assessed, time_t reviewed)
{
	time_t due;
	size_t i;

	if ((unsigned)l >= RISK_LEVELS)
		return 0;
	for (i = 0; i < q->nreview[l]; i++) {
		due = assessed + (time_t)q->review_days[l][i] * DAY;
		if (due > reviewed)
			return due;
	}
	return 0;
}
