/* A CAD client's webhook deliveries (/admin/api-clients/{id}/deliveries):
 * its dead letters, each with a Replay button, and its recent deliveries
 * with what became of every attempt (domain/webhook_admin.c). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/webhook_admin.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* What each event is, in words. */
static const char *
event_words(const char *event)
{
	if (strcmp(event, "allocation") == 0)
		return "Allocation";
	if (strcmp(event, "risk") == 0)
		return "Risk level";
	if (strcmp(event, "status") == 0)
		return "Status";
	if (strcmp(event, "update") == 0)
		return "Update for the CAD";
	return event;
}

/* One attempt's line: when, the answer (or none), how long, why it failed. */
static int
try_dict(struct req *r, struct view_dict *sec, const struct webhook_try *t)
{
	struct view_dict *o;

	if ((o = view_section(sec, "TRY")) == NULL ||
	    view_set_int(o, "N", t->attempt) == -1 ||
	    view_set(o, "AT", t->at) == -1 ||
	    view_set(o, "RESULT", t->http_status > 0 ? arena_printf(r->arena,
	    "HTTP %d", t->http_status) : "No answer") == -1 ||
	    view_set_int(o, "MS", t->duration_ms) == -1)
		return -1;
	if (*t->error != '\0' && ((o = view_section(o, "ERROR")) == NULL ||
	    view_set(o, "TEXT", t->error) == -1))
		return -1;
	return 0;
}

/* One delivery as a row of section `name`, with its state and attempts. */
static int
delivery_dict(struct req *r, struct view_dict *d, const char *name,
    const struct webhook_rec *w)
{
	struct view_dict *row, *st = NULL;
	size_t i;

	if ((row = view_section(d, name)) == NULL ||
	    view_set_int(row, "ID", w->id) == -1 ||
	    view_set(row, "REFERENCE", w->reference) == -1 ||
	    view_set(row, "EVENT", event_words(w->event)) == -1 ||
	    view_set(row, "CREATED", w->created_at) == -1 ||
	    view_set(row, "DEAD_AT", w->dead_at) == -1 ||
	    view_set_int(row, "ATTEMPTS", w->attempts) == -1)
		return -1;
	if (strcmp(w->state, "delivered") == 0) {
		if ((st = view_section(row, "DELIVERED")) == NULL ||
		    view_set(st, "AT", w->delivered_at) == -1)
			return -1;
	} else if (strcmp(w->state, "dead") == 0) {
		if (view_show(row, "DEAD") == -1)
			return -1;
	} else if ((st = view_section(row, "PENDING")) == NULL ||
	    view_set(st, "NEXT", w->next_at) == -1)
		return -1;
	if (*w->replayed_at != '\0' && ((st = view_section(row, "REPLAYED")) == NULL ||
	    view_set(st, "AT", w->replayed_at) == -1 ||
	    view_set(st, "BY", *w->replayed_by ? w->replayed_by : "an administrator") == -1))
		return -1;
	if (w->ntries > 0 && ((st = view_section(row, "TRIES")) == NULL ||
	    view_set_int(st, "COUNT", (long)w->ntries) == -1))
		return -1;
	for (i = 0; i < w->ntries; i++)
		if (try_dict(r, st, &w->tries[i]) == -1)
			return -1;
	return 0;
}

/* GET /admin/api-clients/{id}/deliveries */
void
deliveries_get(struct req *r)
{
	struct webhook_client c;
	struct webhook_rec *recent, *dead;
	struct view_dict *d;
	size_t i, nrecent, ndead;
	const char *title;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, webhook_client_get(r->pg, r->arena, &r->actor, id, &c)))
		return;
	if (webhook_dead(r->pg, r->arena, &r->actor, id, &dead, &ndead) == -1 ||
	    webhook_recent(r->pg, r->arena, &r->actor, id, &recent, &nrecent) == -1)
		return page_error(r, 500, NULL);
	title = arena_printf(r->arena, "Webhook deliveries to %s", c.name);
	if ((d = page_dict(r)) == NULL)
		return page_render(r, 500, "admin_deliveries.tpl", title, NULL);
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set_int(d, "CLIENT_ID", c.id) == -1 ||
	    view_set(d, "WEBHOOK_URL", *c.webhook_url ? c.webhook_url : "None") == -1 ||
	    view_set_int(d, "RECENT_MAX", WEBHOOK_RECENT) == -1 ||
	    (ndead == 0 && view_show(d, "NO_DEAD") == -1) ||
	    (nrecent == 0 && view_show(d, "NO_RECENT") == -1) ||
	    (ndead > 0 && view_show(d, "ANY_DEAD") == -1) ||
	    (nrecent > 0 && view_show(d, "ANY_RECENT") == -1))
		goto fail;
	for (i = 0; i < ndead; i++)
		if (delivery_dict(r, d, "DEAD_LETTER", &dead[i]) == -1)
			goto fail;
	for (i = 0; i < nrecent; i++)
		if (delivery_dict(r, d, "DELIVERY", &recent[i]) == -1)
			goto fail;
	return page_render(r, 200, "admin_deliveries.tpl", title, d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_deliveries.tpl", title, NULL);
}

/* POST /admin/api-clients/{id}/deliveries/{delivery}/replay: 303 to the
 * deliveries, saying it will be sent again (or that it was not dead). */
void
delivery_replay_post(struct req *r)
{
	const char *back;
	long long id, delivery;
	enum admin_rc rc;

	if (admin_id_param(r, &id) == -1)
		return;
	if (admin_id_value(req_param(r, "delivery"), &delivery) == -1)
		return page_error(r, 404, NULL);
	back = arena_printf(r->arena, "/admin/api-clients/%lld/deliveries", id);
	rc = webhook_replay(r->pg, &r->actor, id, delivery);
	if (admin_failed(r, rc, "delivery"))
		return;
	admin_done(r, arena_printf(r->arena, rc == ADMIN_OK ?
	    "Delivery %lld will be sent again." :
	    "Delivery %lld is not a dead letter, so it was not replayed.", delivery),
	    back);
}
