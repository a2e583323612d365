/* The ASB Case Review threshold, counted per victim: the rule is in
 * domain/case_review_rule.h; this file only applies it. */
#include <string.h>

#include "core/config.h"
#include "domain/case_review_rule.h"

#define DAY	86400.0
#define HOUR	3600.0

/* The statutory defaults: six months as 183 days, the prompt at the
 * second complaint, the threshold at the third, within 31 days of the
 * behaviour; local extra conditions as config_defaults has them. */
void
cr_rules_default(struct cr_rules *r)
{
	struct config c;

	config_defaults(&c);
	cr_rules_from_config(&c, r);
}

void
cr_rules_from_config(const struct config *c, struct cr_rules *r)
{
	r->days = c->case_review_days;
	r->within_days = c->case_review_complaint_within_days;
	r->prompt_at = c->case_review_prompt_at;
	r->threshold = c->case_review_threshold;
	r->hate_single = c->case_review_hate_single;
	r->several_reports = c->case_review_several_reports;
	r->several_people = c->case_review_several_people;
}

/* Why a complaint counted or not, in words for the decision page. */
const char *
cr_why_text(enum cr_why w)
{
	switch (w) {
	case CR_COUNTED:
		return "Counted";
	case CR_SAME_BEHAVIOUR:
		return "The same behaviour as another complaint: counted once";
	case CR_LATE:
		return "Not counted: made more than a month after the behaviour";
	case CR_BEFORE_WINDOW:
		return "Not counted: made before the period counted";
	case CR_AFTER:
		return "Not counted: made after the date counted to";
	}
	return "";
}

/* Which rule met the threshold, in words. */
const char *
cr_met_text(enum cr_met m)
{
	switch (m) {
	case CR_MET_COUNT:
		return "qualifying complaints";
	case CR_MET_HATE:
		return "a hate-motivated complaint";
	case CR_MET_SEVERAL:
		return "reports from several people";
	case CR_MET_NO:
		break;
	}
	return "";
}

static double
apart(time_t a, time_t b)
{
	return a > b ? (double)a - (double)b : (double)b - (double)a;
}

static int
links_to(const struct cr_complaint *a, long long id)
{
	size_t i;

	for (i = 0; i < a->nlinked; i++)
		if (a->linked[i] == id)
			return 1;
	return 0;
}

/* Whether two complaints are one behaviour (the header says when). */
static int
same_behaviour(const struct cr_complaint *a, const struct cr_complaint *b)
{
	if (links_to(a, b->incident_id) || links_to(b, a->incident_id))
		return 1;
	return a->type_id != 0 && a->type_id == b->type_id &&
	    a->agency_id != b->agency_id &&
	    apart(a->behaviour_at, b->behaviour_at) <= CR_SAME_HOURS * HOUR;
}

/* Union-find over the complaints: each behaviour is one group. */
static size_t
root(size_t *up, size_t i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

/* Whether `who` is among the first n of list. */
static int
seen(const long long *list, size_t n, long long who)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == who)
			return 1;
	return 0;
}

/* The local several-reports rule: per behaviour, each person who reported
 * one of its qualifying complaints once (an incident with no known
 * reporter is one report of its own); and the people over all of them. */
static void
tally_reports(const struct cr_complaint *c, size_t n, const int *qualifies,
    size_t *up, struct cr_tally *res)
{
	long long people[CR_FACTS_MAX * 4], group[CR_FACTS_MAX * 4];
	size_t npeople = 0, ngroup, g, i, k;

	for (g = 0; g < n; g++) {
		if (root(up, g) != g)
			continue;
		ngroup = 0;
		for (i = 0; i < n; i++) {
			if (!qualifies[i] || root(up, i) != g)
				continue;
			if (c[i].nreporters == 0)
				res->reports++;
			for (k = 0; k < c[i].nreporters; k++) {
				long long who = c[i].reporters[k];

				if (ngroup < CR_FACTS_MAX * 4 && !seen(group, ngroup, who)) {
					group[ngroup++] = who;
					res->reports++;
				}
				if (npeople < CR_FACTS_MAX * 4 && !seen(people, npeople, who))
					people[npeople++] = who;
			}
		}
	}
	res->people = (int)npeople;
}

/* Counts the victim's qualifying complaints up to `at`: see the header. */
int
cr_count(const struct cr_rules *r, time_t at, const struct cr_complaint *c,
    size_t n, struct cr_verdict *out, struct cr_tally *res)
{
	size_t up[CR_FACTS_MAX], first[CR_FACTS_MAX], i, j, g;
	int qualifies[CR_FACTS_MAX], inside[CR_FACTS_MAX];
	enum cr_why why[CR_FACTS_MAX];
	double delay;

	memset(res, 0, sizeof(*res));
	if (n > CR_FACTS_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		up[i] = i;
		first[i] = n;
		inside[i] = qualifies[i] = 0;
		if (c[i].complained_at > at)
			why[i] = CR_AFTER;
		else if ((double)at - (double)c[i].complained_at > r->days * DAY)
			why[i] = CR_BEFORE_WINDOW;
		else {
			inside[i] = 1;
			/* Behaviour recorded after the complaint: a slip of the
			 * pen, not a late complaint. */
			delay = (double)c[i].complained_at - (double)c[i].behaviour_at;
			qualifies[i] = delay <= r->within_days * DAY;
			why[i] = qualifies[i] ? CR_COUNTED : CR_LATE;
		}
	}
	/* Only complaints inside the window join a behaviour: one outside it
	 * must not decide which inside it is counted. */
	for (i = 0; i < n; i++)
		for (j = i + 1; inside[i] && j < n; j++)
			if (inside[j] && same_behaviour(&c[i], &c[j]))
				up[root(up, j)] = root(up, i);
	/* Each behaviour's counted complaint: its first qualifying one. */
	for (i = 0; i < n; i++) {
		if (!qualifies[i])
			continue;
		g = root(up, i);
		if (first[g] == n || c[i].complained_at < c[first[g]].complained_at ||
		    (c[i].complained_at == c[first[g]].complained_at &&
		    c[i].incident_id < c[first[g]].incident_id))
			first[g] = i;
	}
	for (i = 0; i < n; i++) {
		if (out != NULL)
			out[i] = (struct cr_verdict){ why[i], 0 };
		if (!inside[i])
			continue;
		g = root(up, i);
		if (first[g] == i) {
			res->count++;
			continue;
		}
		if (first[g] == n)
			continue;	/* a behaviour complained of too late */
		if (c[i].hate && qualifies[i])
			res->hate = 1;
		if (out != NULL)
			out[i] = (struct cr_verdict){ CR_SAME_BEHAVIOUR, c[first[g]].incident_id };
	}
	for (i = 0; i < n; i++)
		if (first[root(up, i)] == i && c[i].hate)
			res->hate = 1;
	tally_reports(c, n, qualifies, up, res);
	if (res->count >= r->threshold)
		res->met = CR_MET_COUNT;
	else if (r->hate_single && res->hate)
		res->met = CR_MET_HATE;
	else if (r->several_reports > 0 && res->reports >= r->several_reports &&
	    res->people >= r->several_people)
		res->met = CR_MET_SEVERAL;
	if (res->met != CR_MET_NO)
		res->state = CASE_REVIEW_THRESHOLD;
	else if (res->count >= r->prompt_at)
		res->state = CASE_REVIEW_PROMPT;
	else
		res->state = CASE_REVIEW_NONE;
	return 0;
}
