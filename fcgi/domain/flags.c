/* The immediate flag rules (see domain/flags.h and README "Flags"). */
#include <string.h>

#include "core/config.h"
#include "domain/flags.h"

#define DAY	86400

static const char *const flag_names[FLAGS] = {
	[FLAG_URGENT] = "urgent",
	[FLAG_VULNERABLE] = "vulnerable_victim",
	[FLAG_REPEAT_VICTIM] = "repeat_victim",
	[FLAG_REPEAT_LOCATION] = "repeat_location",
	[FLAG_REPEAT_SUBJECT] = "repeat_subject",
	[FLAG_HATE] = "hate_motivated",
};

/* The flag's stable name (for JSON and templates), or "" when out of range. */
const char *
flag_name(enum flag f)
{
	return (unsigned)f < FLAGS ? flag_names[f] : "";
}

const char *
case_review_name(enum case_review s)
{
	switch (s) {
	case CASE_REVIEW_PROMPT:
		return "prompt";
	case CASE_REVIEW_THRESHOLD:
		return "threshold";
	default:
		return "none";
	}
}

/* The defaults the config keys start from (core/config.c keeps the same). */
void
flag_windows_default(struct flag_windows *w)
{
	struct config c;

	config_defaults(&c);
	flag_windows_from_config(&c, w);
}

void
flag_windows_from_config(const struct config *c, struct flag_windows *w)
{
	w->repeat_victim_days = c->repeat_victim_days;
	w->repeat_location_metres = c->repeat_location_metres;
	w->repeat_location_days = c->repeat_location_days;
	w->repeat_location_count = c->repeat_location_count;
	w->case_review_days = c->case_review_days;
	w->case_review_prompt_at = c->case_review_prompt_at;
	w->case_review_threshold = c->case_review_threshold;
}

/* Whether an answer is the one its question's notice is shown for (the
 * seeded notices all say "call 999"): 1 or 0. An empty notice answer
 * means the question has no notice. */
int
flag_answer_urgent(const char *notice_answer, const char *answer)
{
	return notice_answer != NULL && *notice_answer != '\0' && answer != NULL &&
	    strcmp(notice_answer, answer) == 0;
}

/* Whether two times are at most `days` apart, either way round: a link
 * made later flags the older incident too. */
static int
within_days(time_t a, time_t b, int days)
{
	double d = a > b ? (double)a - (double)b : (double)b - (double)a;

	return d <= (double)days * DAY;
}

/* A complaint is a report by the person or about harm to them. */
static int
complains(enum flag_role r)
{
	return r == FLAG_VICTIM || r == FLAG_REPORTER;
}

/* Whether the person appears in another incident within the window, as
 * a subject when `subject`, else as someone complaining. */
static int
repeats(const struct flag_facts *f, long long id, int subject, int days)
{
	size_t i;
	enum flag_role r;

	for (i = 0; i < f->nlinks; i++)
		if (f->links[i].person_id == id &&
		    ((r = f->links[i].role) == FLAG_SUBJECT ? subject : !subject && complains(r)) &&
		    within_days(f->at, f->links[i].at, days))
			return 1;
	return 0;
}

/* Incidents within the place window, this one included. */
static int
location_count(const struct flag_windows *w, const struct flag_facts *f)
{
	int n = 1;
	size_t i;

	for (i = 0; i < f->nplaces; i++)
		if (f->places[i].metres >= 0 &&
		    f->places[i].metres <= (double)w->repeat_location_metres &&
		    within_days(f->at, f->places[i].at, w->repeat_location_days))
			n++;
	return n;
}

/* Every flag and every victim's Case Review state; never fails. */
void
flags_compute(const struct flag_windows *w, const struct flag_facts *f,
    struct flag_result *out)
{
	const struct flag_person *p;
	struct flag_victim *v;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (f->urgent > 0)
		out->bits |= FLAG_BIT(FLAG_URGENT);
	/* Being targeted for who one is counts as personal vulnerability. */
	if (f->vulnerable > 0 || f->targeted > 0)
		out->bits |= FLAG_BIT(FLAG_VULNERABLE);
	if (f->targeted > 0)
		out->bits |= FLAG_BIT(FLAG_HATE);
	if (f->happened_before > 0)
		out->bits |= FLAG_BIT(FLAG_REPEAT_VICTIM);
	if ((out->location_count = location_count(w, f)) >= w->repeat_location_count)
		out->bits |= FLAG_BIT(FLAG_REPEAT_LOCATION);
	for (i = 0; i < f->npeople; i++) {
		p = &f->people[i];
		if (p->role == FLAG_SUBJECT &&
		    repeats(f, p->id, 1, w->repeat_victim_days))
			out->bits |= FLAG_BIT(FLAG_REPEAT_SUBJECT);
		if (p->role != FLAG_VICTIM)
			continue;
		if (p->vulnerable > 0)
			out->bits |= FLAG_BIT(FLAG_VULNERABLE);
		if (repeats(f, p->id, 0, w->repeat_victim_days))
			out->bits |= FLAG_BIT(FLAG_REPEAT_VICTIM);
		if (out->nvictims == FLAG_VICTIMS_MAX)
			continue;
		v = &out->victims[out->nvictims++];
		v->person_id = p->id;
	}
}
