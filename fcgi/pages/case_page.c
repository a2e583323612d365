/* What every page of a monitored case shares: the case from the path,
 * its heading and the navigation between its parts. */
#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case.h"
#include "http/request.h"
#include "pages/case_page.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static const struct {
	enum case_tab	 tab;
	const char	*suffix, *text;
} tabs[] = {
	{ CASE_TAB_OVERVIEW, "", "Overview" },
	{ CASE_TAB_ACTIONS, "/actions", "Action plan" },
	{ CASE_TAB_CONTACT, "/contact", "Victim contact" },
	{ CASE_TAB_REVIEWS, "/reviews", "Reviews" },
	{ CASE_TAB_PATTERNS, "/patterns", "Patterns" },
	{ CASE_TAB_HISTORY, "/history", "History" },
};

#define NTABS	(sizeof(tabs) / sizeof(tabs[0]))

static const char *const risk_words[][2] = {
	{ "standard", "Standard" }, { "medium", "Medium" }, { "high", "High" },
};

static const char *
risk_word(const char *level)
{
	size_t i;

	for (i = 0; i < sizeof(risk_words) / sizeof(risk_words[0]); i++)
		if (strcmp(level, risk_words[i][0]) == 0)
			return risk_words[i][1];
	return level;
}

int
case_page_load(struct req *r, struct case_head *h)
{
	switch (case_head_view(r->pg, r->arena, &r->actor, req_param(r, "ref"), h)) {
	case CASE_OK:
		return 0;
	case CASE_NOT_FOUND:
		page_error(r, 404, NULL);
		return 1;
	default:
		page_error(r, 503, NULL);
		return 1;
	}
}

int
case_page_head(struct req *r, struct view_dict *d, const struct case_head *h,
    enum case_tab current)
{
	struct view_dict *inc = view_include(d, "CASE_HEAD", "case_head.tpl"), *t;
	const char *base = arena_printf(r->arena, "/staff/cases/%s", h->reference);
	size_t i;

	if (inc == NULL || base == NULL || view_set(inc, "REFERENCE", h->reference) == -1 ||
	    view_set(inc, "TITLE", h->title) == -1 ||
	    view_set(inc, "LEAD_NAME", h->lead_name) == -1 ||
	    view_set(inc, "LEAD_AGENCY", h->lead_agency) == -1 ||
	    view_set(inc, "RISK", risk_word(h->risk_level)) == -1 ||
	    view_set(inc, "OPENED", h->opened) == -1 ||
	    view_show(inc, strcmp(h->status, "closed") == 0 ? "CLOSED" : "OPEN") == -1)
		return -1;
	if (*h->outcome != '\0' && view_set(inc, "OUTCOME", h->outcome) == -1)
		return -1;
	for (i = 0; i < NTABS; i++) {
		if ((t = view_section(inc, "TAB")) == NULL ||
		    view_set(t, "HREF", arena_printf(r->arena, "%s%s", base,
		    tabs[i].suffix)) == -1 || view_set(t, "TEXT", tabs[i].text) == -1)
			return -1;
		if (tabs[i].tab == current && view_show(t, "CURRENT") == -1)
			return -1;
	}
	return 0;
}
