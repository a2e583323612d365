/* The Case Review register (README "The ASB Case Review"): the due and
 * overdue milestones at the top, then the applications, newest first,
 * filtered by status and by whether a milestone is overdue
 * (/staff/case-review, case_review.manage). */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case_review.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static const struct choice status_choices[] = {
	{ "", "Any status" }, { "received", "Received" }, { "threshold_met", "Threshold met" },
	{ "threshold_not_met", "Threshold not met" }, { "review_held", "Review held" },
	{ "closed", "Closed" },
};

static const char *
query_or_empty(struct req *r, const char *name)
{
	const char *v = req_query(r, name);

	return v != NULL ? v : "";
}

static int
due_dict(struct view_dict *d, const struct case_review_list *l)
{
	struct view_dict *s;
	size_t i;

	if (l->ndue == 0)
		return view_show(d, "NOTHING_DUE");
	if (view_show(d, "DUE") == -1)
		return -1;
	for (i = 0; i < l->ndue; i++)
		if ((s = view_section(d, "DUE_ITEM")) == NULL ||
		    view_set(s, "LABEL", l->due[i].label) == -1 ||
		    view_set(s, "DUE", l->due[i].due_words) == -1 ||
		    view_set(s, "PATH", l->due[i].path) == -1 ||
		    view_show(s, l->due[i].overdue ? "OVERDUE" : "NOT_OVERDUE") == -1)
			return -1;
	return 0;
}

static int
rows_dict(struct view_dict *d, const struct case_review_list *l)
{
	struct view_dict *s;
	size_t i;

	if (l->n == 0)
		return view_show(d, "NONE");
	if (view_show(d, "RESULTS") == -1)
		return -1;
	for (i = 0; i < l->n; i++) {
		const struct case_review_row *w = &l->rows[i];
		const char *st = case_review_status_words(w->status);

		if ((s = view_section(d, "ROW")) == NULL ||
		    view_set(s, "REFERENCE", w->reference) == -1 ||
		    view_set(s, "RECEIVED", w->received_words) == -1 ||
		    view_set(s, "CHANNEL", case_review_channel_words(w->channel)) == -1 ||
		    view_set(s, "STATUS", st != NULL ? st : w->status) == -1 ||
		    view_set(s, "APPLICANT", w->applicant) == -1)
			return -1;
		if (*w->next_label != '\0' && (view_set(s, "NEXT", w->next_label) == -1 ||
		    view_set(s, "NEXT_DUE", w->next_due_words) == -1 ||
		    view_show(s, w->overdue ? "OVERDUE" : "HAS_NEXT") == -1))
			return -1;
	}
	return 0;
}

/* GET /staff/case-review[?status=&overdue=1&page=]: 400 with the form
 * and an error summary for a status that is not one. */
void
case_review_list_get(struct req *r)
{
	struct form_errors errs = {0};
	struct case_review_list l;
	struct view_dict *d;
	const char *status = query_or_empty(r, "status"), *page_s = query_or_empty(r, "page");
	int overdue = strcmp(query_or_empty(r, "overdue"), "1") == 0;
	long page = strtol(page_s, NULL, 10);
	long long pages;

	if (choice_find(status_choices, NCHOICES(status_choices), status) < 0) {
		form_error(&errs, "status", "Select a status from the list");
		status = "";
	}
	if (page < 1 || page > 10000)
		page = 1;
	if (case_review_list(r->pg, r->arena, &r->actor, status, overdue, (int)page, &l) != CR_OK)
		return page_error(r, 503, NULL);
	pages = l.total > 0 ? (l.total + CR_PAGE_SIZE - 1) / CR_PAGE_SIZE : 1;
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (form_errors_dict(d, &errs) == -1 ||
	    options_dict(d, "STATUS_OPTION", status_choices, NCHOICES(status_choices),
	    status) == -1 || (overdue && view_show(d, "OVERDUE_CHECKED") == -1) ||
	    view_set(d, "F_STATUS", status) == -1 ||
	    view_set(d, "F_OVERDUE", overdue ? "1" : "") == -1 ||
	    view_set(d, "FOUND", arena_printf(r->arena, "%lld application%s", l.total,
	    l.total == 1 ? "" : "s")) == -1 ||
	    view_set(d, "PAGE_OF", arena_printf(r->arena, "Page %ld of %lld", page,
	    pages)) == -1 ||
	    (page > 1 && view_set_int(view_section(d, "PREV"), "PAGE", page - 1) == -1) ||
	    (page < pages && view_set_int(view_section(d, "NEXT"), "PAGE", page + 1) == -1) ||
	    due_dict(d, &l) == -1 || rows_dict(d, &l) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, errs.n > 0 ? 400 : 200, "case_review_register.tpl",
	    form_title(r, &errs, "ASB Case Review register"), d);
}
