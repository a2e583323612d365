/* The reporter's private tracking page: /track/{reference}?t={token}. A
 * wrong token and an unknown reference get the same 404, so the page
 * never tells whether a reference exists. It shows what was reported
 * (roughly where: anyone holding the link sees it), the status, the
 * updates staff shared, and the reporter's diary with the link to log
 * another occurrence (pages/track_log.c). */
#include <string.h>

#include "core/arena.h"
#include "domain/incident_update.h"
#include "domain/report.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/track.h"
#include "view/view.h"

static const struct choice times_words[] = {
	{ "morning", "mornings" }, { "afternoon", "afternoons" },
	{ "evening", "evenings" }, { "night", "nights" },
};

/* The link's reference and token, when they have the shape of one: 1, or
 * 0 (the caller answers track_not_found). */
int
track_link(struct req *r, const char **ref, const char **token)
{
	*ref = req_param(r, "ref");
	*token = req_query(r, "t");
	return *ref != NULL && *token != NULL && strlen(*ref) <= 31 &&
	    report_token_given(*token);
}

/* The one answer for a wrong reference or token. */
void
track_not_found(struct req *r)
{
	struct view_dict *d = page_dict(r);

	if (d != NULL && view_show(d, "NOT_FOUND") == -1) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 404, "track.tpl", "We could not find that report", d);
}

static const char *
or_none(const char *s)
{
	return s != NULL && *s != '\0' ? s : "Not given";
}

/* When it happened, in words: the time, or how often it keeps happening. */
static const char *
when_words(struct arena *a, const struct report_status *st)
{
	const char *times;

	if (st->how_often == NULL || *st->how_often == '\0')
		return or_none(st->occurred);
	if ((times = choice_list_words(a, times_words, NCHOICES(times_words),
	    st->times_of_day)) == NULL)
		return NULL;
	return arena_printf(a, "It keeps happening, %s%s%s",
	    choice_label(often_labels, often_labels_n, st->how_often),
	    *times != '\0' ? ": " : "", times);
}

/* What was reported, the status and when it was sent. */
static int
summary_dict(struct req *r, struct view_dict *s, const struct report_status *st,
    const char *token)
{
	const char *when = when_words(r->arena, st);

	return when == NULL ||
	    view_set(s, "REFERENCE", st->reference) == -1 ||
	    view_set(s, "TOKEN", token) == -1 ||
	    view_set(s, "TYPE", st->type != NULL ? st->type : "") == -1 ||
	    view_set(s, "WHEN", when) == -1 ||
	    view_set(s, "PLACE", or_none(st->place)) == -1 ||
	    view_set(s, "STATUS", incident_status_words(st->status)) == -1 ||
	    view_set(s, "REPORTED", st->reported != NULL ? st->reported : "") == -1 ? -1 : 0;
}

/* The reporter's diary entries, latest occurrence first. */
static int
diary_dict(struct req *r, struct view_dict *s, const struct report_status *st)
{
	const struct report_diary_item *e;
	struct view_dict *u, *x;
	size_t i;

	if (st->ndiary == 0)
		return view_show(s, "NO_DIARY");
	for (i = 0; i < st->ndiary; i++) {
		e = &st->diary[i];
		if ((u = view_section(s, "DIARY")) == NULL ||
		    view_set(u, "WHEN", e->when) == -1 ||
		    text_paragraphs_dict(r->arena, u, "PARAGRAPH", e->what) == -1)
			return -1;
		if (e->impact != NULL && *e->impact != '\0' &&
		    ((x = view_section(u, "IMPACT")) == NULL ||
		    text_paragraphs_dict(r->arena, x, "PARAGRAPH", e->impact) == -1))
			return -1;
		if (e->files != NULL && *e->files != '\0' &&
		    ((x = view_section(u, "FILES")) == NULL ||
		    view_set(x, "NAMES", e->files) == -1))
			return -1;
	}
	return 0;
}

/* GET /track/{reference}?t={token} */
void
track_get(struct req *r)
{
	const char *ref, *token;
	struct report_status st;
	struct view_dict *d, *s, *u;
	size_t i;
	int rc;

	memset(&st, 0, sizeof(st));
	if (!track_link(r, &ref, &token))
		return track_not_found(r);
	if ((rc = report_track(r->pg, r->arena, ref, token, &st)) == -1)
		return page_error(r, 503, "Sorry, we cannot show your report at the "
		    "moment. Please try again later.");
	if (rc == 0 || st.reference == NULL)
		return track_not_found(r);
	if ((d = page_dict(r)) == NULL || (s = view_section(d, "FOUND")) == NULL ||
	    summary_dict(r, s, &st, token) == -1 || diary_dict(r, s, &st) == -1)
		goto oom;
	if (st.nupdates == 0 && view_show(s, "NO_UPDATES") == -1)
		goto oom;
	for (i = 0; i < st.nupdates; i++)
		if ((u = view_section(s, "UPDATE")) == NULL ||
		    view_set(u, "WHEN", st.updates[i].when) == -1 ||
		    text_paragraphs_dict(r->arena, u, "PARAGRAPH", st.updates[i].text) == -1)
			goto oom;
	for (i = 0; i < st.ncases; i++)
		if ((u = view_section(s, "CASE_CLOSED")) == NULL ||
		    view_set(u, "WHEN", st.cases[i].closed_on) == -1 ||
		    view_set(u, "REASON", st.cases[i].reason) == -1)
			goto oom;
	page_render(r, 200, "track.tpl", arena_printf(r->arena, "Report %s", st.reference), d);
	return;
oom:
	view_dict_free(d);
	page_error(r, 500, NULL);
}
