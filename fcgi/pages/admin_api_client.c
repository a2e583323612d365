/* Administration of API clients, CAD, Open311 and OData (an analyst's key
 * to the reporting feed) on one page: the list,
 * registering one, a client's keys, changing a CAD client's scopes,
 * webhook and mappings, rotating its key with an overlap and revoking a
 * key or the whole client (after a confirmation page). A new secret is
 * shown once, in the answer to the POST that made it: never in a URL,
 * never cached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/admin_agency.h"
#include "domain/api_client.h"
#include "domain/api_client_admin.h"
#include "http/request.h"
#include "http/response.h"
#include "odata/entities.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define BASE	"/admin/api-clients"

/* The form as typed. */
struct client_form {
	struct api_client_in	 in;
	const char		*overlap;	/* the rotate form's, as typed */
};

/* The domain's field errors as the form's. */
static void
errors_copy(struct req *r, const struct api_client_errors *from, struct form_errors *to)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		form_error(to, from->e[i].field, arena_strdup(r->arena, from->e[i].message));
}

/* The scope boxes and the webhook and mappings fields (a template of
 * their own, included in d: it sees none of d's values), with their
 * problems. */
static int
cad_fields_dict(struct view_dict *d, const struct api_client_in *in,
    const struct form_errors *errs)
{
	struct view_dict *f = view_include(d, "CAD_FIELDS", "admin_api_client_fields.tpl");

	return f == NULL || (in->read && view_show(f, "READ") == -1) ||
	    (in->write && view_show(f, "WRITE") == -1) ||
	    view_set(f, "WEBHOOK_URL", in->webhook_url != NULL ? in->webhook_url : "") == -1 ||
	    view_set(f, "MAPPINGS", in->mappings != NULL ? in->mappings : "") == -1 ||
	    form_errors_dict(f, errs) == -1 ? -1 : 0;
}

/* The scope boxes, webhook and mappings as typed. */
static void
cad_fields_read(struct req *r, struct api_client_in *in, struct form_errors *errs)
{
	const char *m;
	size_t i;

	for (i = 0; i < r->form.n; i++)
		if (strcmp(r->form.v[i].key, "scopes") == 0) {
			in->read |= strcmp(r->form.v[i].val, API_SCOPE_READ) == 0;
			in->write |= strcmp(r->form.v[i].val, API_SCOPE_WRITE) == 0;
		}
	in->webhook_url = form_text(r, "webhook_url", API_WEBHOOK_MAX, errs, "webhook_url",
	    NULL, "The webhook address must be 2000 characters or fewer");
	m = form_long_text(r, "mappings", 65536, errs, "mappings", NULL,
	    "Mappings must be 65536 characters or fewer");
	in->mappings = m;
}

/* The OData views as boxes, those of in ticked. */
static int
views_dict(struct req *r, struct view_dict *d, const struct api_client_in *in)
{
	struct view_dict *row;
	size_t i, j;

	for (i = 0; i < odata_entities_n; i++) {
		const struct odata_entity *e = &odata_entities[i];

		for (j = 0; j < in->nviews && strcmp(in->views[j], e->view) != 0; j++)
			;
		if ((row = view_section(d, "VIEW")) == NULL ||
		    view_set(row, "VIEW_ID", i == 0 ? "views" :
		    arena_printf(r->arena, "views-%zu", i + 1)) == -1 ||
		    view_set(row, "VIEW", e->view) == -1 ||
		    view_set(row, "SET", e->set) == -1 ||
		    (j < in->nviews && view_show(row, "CHECKED") == -1))
			return -1;
	}
	return 0;
}

/* The analyst and the views ticked, as typed. */
static void
odata_fields_read(struct req *r, struct api_client_in *in, struct form_errors *errs)
{
	size_t i;

	in->analyst = form_text(r, "analyst", 254, errs, "analyst", NULL,
	    "The e-mail address must be 254 characters or fewer");
	for (i = 0; i < r->form.n; i++)
		if (strcmp(r->form.v[i].key, "views") == 0) {
			if (in->nviews == API_ODATA_VIEWS_MAX) {
				form_error(errs, "views", "Select views from the list: each once");
				return;
			}
			in->views[in->nviews++] = r->form.v[i].val;
		}
}

/* ---- The list ---- */

/* The keys of a client as rows of section name in d. */
static int
keys_dict(struct view_dict *d, const char *name, const struct api_client_rec *c)
{
	struct view_dict *row;
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		const struct api_key_rec *k = &c->keys[i];

		if ((row = view_section(d, name)) == NULL ||
		    view_set_int(row, "CLIENT", c->id) == -1 ||
		    view_set(row, "KEY_ID", k->key_id) == -1 ||
		    view_set(row, "CREATED", k->created) == -1 ||
		    view_set(row, "EXPIRES", *k->expires ? k->expires : "Never") == -1 ||
		    view_set(row, "REVOKED", k->revoked) == -1 ||
		    view_set(row, "LAST_USED", *k->last_used ? k->last_used : "Not yet") == -1 ||
		    view_show(row, strcmp(k->state, "live") == 0 ? "LIVE" :
		    strcmp(k->state, "ending") == 0 ? "ENDING" :
		    strcmp(k->state, "expired") == 0 ? "EXPIRED" : "KEY_REVOKED") == -1 ||
		    (strcmp(k->state, "live") == 0 || strcmp(k->state, "ending") == 0 ?
		    view_show(row, "CAN_REVOKE") : 0) == -1)
			return -1;
	}
	return 0;
}

/* What the list and the client's page show of a client. */
static int
client_dict(struct req *r, struct view_dict *d, const struct api_client_rec *c)
{
	int cad = strcmp(c->kind, "cad") == 0, odata = strcmp(c->kind, "odata") == 0;
	const char *scopes = "";
	size_t i;

	for (i = 0; i < c->nscopes; i++)
		scopes = arena_printf(r->arena, "%s%s%s", scopes, i > 0 ? ", " : "", c->scopes[i]);
	return scopes == NULL ||
	    view_set_int(d, "ID", c->id) == -1 ||
	    view_set(d, "NAME", c->name) == -1 ||
	    view_set(d, "KIND", cad ? "CAD" : odata ? "OData feed (an analyst's key)" :
	    "Open311") == -1 ||
	    view_set(d, "AGENCY", cad || odata ? c->agency_name : "None") == -1 ||
	    view_set(d, "ACCOUNT", c->account_email) == -1 ||
	    view_set(d, "SCOPES", cad || odata ? scopes : "Open311 reports") == -1 ||
	    view_set(d, "WEBHOOK", *c->webhook_url ? c->webhook_url : "None") == -1 ||
	    view_set(d, "CREATED", c->created) == -1 ||
	    view_show(d, c->revoked ? "REVOKED" : "ACTIVE") == -1 ||
	    (cad && view_show(d, "CAD") == -1) ||
	    (odata && view_show(d, "ODATA") == -1) ||
	    (!cad && !odata && view_show(d, "OPEN311") == -1) ||
	    ((cad || odata) && view_show(d, "KEYED") == -1) ||
	    ((cad || odata) && !c->revoked && view_show(d, "KEYED_ACTIVE") == -1) ||
	    (!c->revoked && view_show(d, "CAN_REVOKE_CLIENT") == -1) ? -1 : 0;
}

/* GET /admin/api-clients */
void
api_clients_get(struct req *r)
{
	struct api_client_rec *list;
	struct view_dict *d, *row;
	size_t i, n;

	if (api_admin_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_render(r, 500, "admin_api_clients.tpl", "API clients", NULL);
	if (n == 0 && view_show(d, "NONE") == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "CLIENT")) == NULL ||
		    client_dict(r, row, &list[i]) == -1 ||
		    (list[i].nkeys == 0 && view_show(row, "NO_KEYS") == -1) ||
		    keys_dict(row, "KEY", &list[i]) == -1)
			goto fail;
	return page_render(r, 200, "admin_api_clients.tpl", "API clients", d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_api_clients.tpl", "API clients", NULL);
}

/* ---- Registering ---- */

/* The agency select, the chosen one selected. */
static int
agency_options(struct req *r, struct view_dict *d, long long chosen)
{
	struct agency *list;
	struct view_dict *o;
	size_t i, n;

	if (agency_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (list[i].active && ((o = view_section(d, "AGENCY_OPTION")) == NULL ||
		    view_set_int(o, "ID", list[i].id) == -1 ||
		    view_set(o, "NAME", list[i].name) == -1 ||
		    (list[i].id == chosen && view_show(o, "SELECTED") == -1)))
			return -1;
	return 0;
}

/* The registration form with what was typed and its problems. */
static void
new_form_page(struct req *r, int status, const struct client_form *f,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r);
	const char *title = "Register an API client";

	if (d == NULL || view_set(d, "NAME", f->in.name) == -1 ||
	    (f->in.kind != NULL && strcmp(f->in.kind, "cad") == 0 &&
	    view_show(d, "KIND_CAD") == -1) ||
	    (f->in.kind != NULL && strcmp(f->in.kind, "open311") == 0 &&
	    view_show(d, "KIND_OPEN311") == -1) ||
	    (f->in.kind != NULL && strcmp(f->in.kind, "odata") == 0 &&
	    view_show(d, "KIND_ODATA") == -1) ||
	    view_set(d, "ANALYST", f->in.analyst != NULL ? f->in.analyst : "") == -1 ||
	    views_dict(r, d, &f->in) == -1 ||
	    cad_fields_dict(d, &f->in, errs) == -1 ||
	    agency_options(r, d, f->in.agency_id) == -1 ||
	    form_errors_dict(d, errs) == -1) {
		view_dict_free(d);
		return page_render(r, 500, "admin_api_client_new.tpl", title, NULL);
	}
	page_render(r, status, "admin_api_client_new.tpl", form_title(r, errs, title), d);
}

/* GET /admin/api-clients/new */
void
api_client_new_get(struct req *r)
{
	struct client_form f = { .in = { .name = "", .read = 1, .write = 1,
	    .webhook_url = "", .mappings = "", .analyst = "" } };
	struct form_errors errs = {0};

	new_form_page(r, 200, &f, &errs);
}

/* The page that shows a new secret, once: the answer to the POST itself,
 * kept out of every cache and history. */
static void
secret_page(struct req *r, const char *heading, long long id, const char *name,
    const char *kind, const char *analyst, struct api_new_secret *s)
{
	struct view_dict *d = page_dict(r);
	int odata = strcmp(kind, "odata") == 0;

	if (resp_header(r, "Cache-Control", "no-store") == -1 ||
	    resp_header(r, "Pragma", "no-cache") == -1 || d == NULL ||
	    view_set(d, "HEADING", heading) == -1 ||
	    view_set_int(d, "ID", id) == -1 ||
	    view_set(d, "NAME", name) == -1 ||
	    view_set(d, "SECRET", s->secret) == -1 ||
	    (s->key_id[0] != '\0' && !odata && (view_show(d, "CAD") == -1 ||
	    view_set(d, "KEY_ID", s->key_id) == -1)) ||
	    (odata && (view_show(d, "ODATA") == -1 || view_set(d, "ANALYST", analyst) == -1 ||
	    view_set(d, "ODATA_KEY", arena_printf(r->arena, "%s.%s", s->key_id,
	    s->secret)) == -1 || view_set(d, "FEED", arena_printf(r->arena,
	    "%s/odata/v4/", r->cfg->public_url)) == -1)) ||
	    (s->key_id[0] == '\0' && view_show(d, "OPEN311") == -1) ||
	    (s->expires_old[0] != '\0' && (view_show(d, "ROTATED") == -1 ||
	    view_set(d, "EXPIRES_OLD", s->expires_old) == -1))) {
		view_dict_free(d);
		d = NULL;
	}
	OPENSSL_cleanse(s, sizeof(*s));
	page_render(r, d != NULL ? 200 : 500, "admin_api_client_secret.tpl", heading, d);
}

/* POST /admin/api-clients: the new secret's page; 400 with the form. */
void
api_client_create_post(struct req *r)
{
	struct client_form f = {0};
	struct form_errors errs = {0};
	struct api_client_errors derrs = {0};
	struct api_new_secret s;
	long long id;

	/* The domain says what is wrong with the name, with the rest. */
	f.in.name = form_text(r, "name", 4 * API_CLIENT_NAME_MAX, &errs, "name",
	    NULL, "Name must be 100 characters or fewer");
	f.in.kind = req_form(r, "kind");
	if (admin_id_value(req_form(r, "agency"), &f.in.agency_id) == -1)
		f.in.agency_id = 0;
	cad_fields_read(r, &f.in, &errs);
	odata_fields_read(r, &f.in, &errs);
	if (f.in.name == NULL || f.in.webhook_url == NULL || f.in.mappings == NULL ||
	    f.in.analyst == NULL)
		return page_error(r, 500, NULL);
	if (f.in.kind == NULL || strcmp(f.in.kind, "cad") != 0) {
		/* Only a CAD client has an agency, scopes and so on. */
		f.in.agency_id = 0;
	}
	if (errs.n > 0)
		return new_form_page(r, 400, &f, &errs);
	switch (api_admin_register(r->pg, r->cfg, &r->actor, &f.in, &derrs, &s, &id)) {
	case API_ADMIN_OK:
		return secret_page(r, arena_printf(r->arena, "%s has been registered",
		    f.in.name), id, f.in.name, f.in.kind, f.in.analyst, &s);
	case API_ADMIN_INVALID:
		errors_copy(r, &derrs, &errs);
		return new_form_page(r, 400, &f, &errs);
	default:
		return page_error(r, 500, NULL);
	}
}

/* ---- One client ---- */

/* The client's page: details, keys, and for a live CAD client the change
 * and rotate forms with what was typed and their problems. */
static void
client_page(struct req *r, int status, const struct api_client_rec *c,
    const struct client_form *f, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *form;
	const char *title = c->name;

	if (d == NULL || client_dict(r, d, c) == -1 ||
	    view_set(d, "VERSION", c->version) == -1 ||
	    keys_dict(d, "KEY", c) == -1 ||
	    (c->nkeys == 0 && strcmp(c->kind, "open311") != 0 &&
	    view_show(d, "NO_KEYS") == -1) ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (strcmp(c->kind, "cad") == 0 && !c->revoked) {
		if ((form = view_section(d, "EDIT")) == NULL ||
		    view_set_int(form, "ID", c->id) == -1 ||
		    view_set(form, "VERSION", c->version) == -1 ||
		    cad_fields_dict(form, &f->in, errs) == -1 ||
		    view_set(d, "OVERLAP", f->overlap) == -1)
			goto fail;
	}
	return page_render(r, status, "admin_api_client.tpl", form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_api_client.tpl", title, NULL);
}

/* The form as the stored client fills it. */
static void
form_of(const struct api_client_rec *c, struct client_form *f)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < c->nscopes; i++) {
		f->in.read |= strcmp(c->scopes[i], API_SCOPE_READ) == 0;
		f->in.write |= strcmp(c->scopes[i], API_SCOPE_WRITE) == 0;
	}
	f->in.webhook_url = c->webhook_url;
	f->in.mappings = c->mappings;
	f->overlap = "24";
}

/* The {id} client, or 0 after answering 404 or 500. */
static int
client_load(struct req *r, long long *id, struct api_client_rec *c)
{
	return admin_id_param(r, id) == 0 &&
	    admin_found(r, api_admin_get(r->pg, r->arena, &r->actor, *id, c));
}

/* GET /admin/api-clients/{id} */
void
api_client_view_get(struct req *r)
{
	struct api_client_rec c;
	struct client_form f;
	struct form_errors errs = {0};
	long long id;

	if (!client_load(r, &id, &c))
		return;
	form_of(&c, &f);
	client_page(r, 200, &c, &f, &errs);
}

/* Answers what the change forms' domain calls have no form for. Returns
 * 1 when it answered. */
static int
change_failed(struct req *r, enum api_admin_rc rc)
{
	switch (rc) {
	case API_ADMIN_NOT_FOUND:
		page_error(r, 404, NULL);
		return 1;
	case API_ADMIN_STALE:
		page_error(r, 409, "This API client was changed by someone else after you "
		    "opened it, so your changes have not been saved. Reload the page to "
		    "see the changes, then make yours again.");
		return 1;
	case API_ADMIN_REVOKED:
		page_error(r, 409, "This API client has been revoked: it cannot be changed.");
		return 1;
	case API_ADMIN_WRONG_KIND:
		page_error(r, 409, "An Open311 client has one key, which cannot be "
		    "rotated or changed: revoke it and register a new client.");
		return 1;
	case API_ADMIN_ERROR:
		page_error(r, 500, NULL);
		return 1;
	default:
		return 0;
	}
}

/* POST /admin/api-clients/{id}: 303 to the client; 400 with the form. */
void
api_client_update_post(struct req *r)
{
	struct api_client_rec c;
	struct client_form f = {0};
	struct form_errors errs = {0};
	struct api_client_errors derrs = {0};
	enum api_admin_rc rc;
	long long id;

	if (!client_load(r, &id, &c))
		return;
	cad_fields_read(r, &f.in, &errs);
	f.in.version = admin_version(r);
	f.overlap = "24";
	if (f.in.webhook_url == NULL || f.in.mappings == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return client_page(r, 400, &c, &f, &errs);
	rc = api_admin_update(r->pg, r->arena, &r->actor, id, &f.in, &derrs);
	if (change_failed(r, rc))
		return;
	if (rc == API_ADMIN_INVALID) {
		errors_copy(r, &derrs, &errs);
		return client_page(r, 400, &c, &f, &errs);
	}
	admin_done(r, arena_printf(r->arena, rc == API_ADMIN_OK ? "%s has been changed." :
	    "No changes were made to %s.", c.name), arena_printf(r->arena, BASE "/%lld", id));
}

/* POST /admin/api-clients/{id}/rotate: the new key's page; 400 with the
 * client's page. */
void
api_client_rotate_post(struct req *r)
{
	struct api_client_rec c;
	struct client_form f;
	struct form_errors errs = {0};
	struct api_client_errors derrs = {0};
	struct api_new_secret s;
	enum api_admin_rc rc;
	const char *v;
	char *end;
	long long id;
	long hours = -1;

	if (!client_load(r, &id, &c))
		return;
	form_of(&c, &f);
	v = req_form(r, "overlap");
	f.overlap = v != NULL ? v : "";
	if (v != NULL && *v != '\0' && strspn(v, "0123456789") == strlen(v) && strlen(v) <= 4)
		hours = strtol(v, &end, 10);
	rc = api_admin_rotate(r->pg, r->cfg, &r->actor, id, (int)hours, &derrs, &s);
	if (change_failed(r, rc))
		return;
	if (rc == API_ADMIN_INVALID) {
		errors_copy(r, &derrs, &errs);
		return client_page(r, 400, &c, &f, &errs);
	}
	secret_page(r, arena_printf(r->arena, "%s has a new key", c.name), id, c.name,
	    c.kind, c.account_email, &s);
}

/* The key named by the query or the form ("key"), or NULL for the whole
 * client; "" when it is not a key id. */
static const char *
key_param(const char *v)
{
	size_t n;

	if (v == NULL || *v == '\0')
		return NULL;
	n = strlen(v);
	return n >= 8 && n <= 64 && strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_-") == n ? v : "";
}

/* GET /admin/api-clients/{id}/revoke[?key=KEYID]: what revoking does, and
 * the button that does it. */
void
api_client_revoke_get(struct req *r)
{
	struct api_client_rec c;
	struct view_dict *d;
	const char *key = key_param(req_query(r, "key")), *title;
	long long id;
	size_t i;

	if (!client_load(r, &id, &c))
		return;
	if (key != NULL) {
		for (i = 0; i < c.nkeys && strcmp(c.keys[i].key_id, key) != 0; i++)
			;
		if (i == c.nkeys)
			return page_error(r, 404, NULL);
	}
	title = key != NULL ? "Revoke a key" : strcmp(c.kind, "open311") != 0 ?
	    "Revoke an API client" : "Deactivate an API client";
	if ((d = page_dict(r)) == NULL || view_set(d, "HEADING", title) == -1 ||
	    view_set_int(d, "ID", c.id) == -1 || view_set(d, "NAME", c.name) == -1 ||
	    (key != NULL && (view_show(d, "ONE_KEY") == -1 ||
	    view_set(d, "KEY_ID", key) == -1)) ||
	    (key == NULL && view_show(d, strcmp(c.kind, "cad") == 0 ? "WHOLE_CAD" :
	    strcmp(c.kind, "odata") == 0 ? "WHOLE_ODATA" : "WHOLE_OPEN311") == -1)) {
		view_dict_free(d);
		return page_render(r, 500, "admin_api_client_revoke.tpl", title, NULL);
	}
	page_render(r, 200, "admin_api_client_revoke.tpl", title, d);
}

/* POST /admin/api-clients/{id}/revoke [key=KEYID]: 303 to the client. */
void
api_client_revoke_post(struct req *r)
{
	const char *key = key_param(req_form(r, "key"));
	struct api_client_rec c;
	enum api_admin_rc rc;
	long long id;

	if (!client_load(r, &id, &c))
		return;
	if (key != NULL && *key == '\0')
		return page_error(r, 404, NULL);
	rc = key != NULL ? api_admin_revoke_key(r->pg, &r->actor, id, key) :
	    api_admin_revoke(r->pg, &r->actor, id);
	if (rc == API_ADMIN_REVOKED)
		return admin_done(r, key != NULL ? arena_printf(r->arena, "Key %s was "
		    "revoked already.", key) : arena_printf(r->arena, "%s was revoked "
		    "already.", c.name), arena_printf(r->arena, BASE "/%lld", id));
	if (change_failed(r, rc))
		return;
	admin_done(r, key != NULL ? arena_printf(r->arena, "Key %s has been revoked: "
	    "it no longer works.", key) : arena_printf(r->arena, "%s has been revoked: "
	    "none of its keys works any more.", c.name),
	    arena_printf(r->arena, BASE "/%lld", id));
}

/* GET /admin/api-clients/{id}/history */
void
api_client_history_get(struct req *r)
{
	struct api_client_rec c;
	long long id;

	if (!client_load(r, &id, &c))
		return;
	admin_history(r, arena_printf(r->arena, "History of %s", c.name), BASE,
	    "api_client", id);
}
