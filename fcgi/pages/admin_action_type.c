/* The action types (domain/action_type.h) at /admin/action-types
 * (admin.types): the list in order, add one, change one — its name, legal
 * basis, whether it is enforcement, whether it is offered, its order. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/action_type.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* GET /admin/action-types */
void
action_types_get(struct req *r)
{
	struct action_type *t;
	struct view_dict *d, *row;
	size_t n, i;

	if (action_types_list(r->pg, r->arena, &r->actor, 0, &t, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "TYPE")) == NULL ||
		    view_set_int(row, "ID", (long)t[i].id) == -1 ||
		    view_set(row, "NAME", t[i].name) == -1 ||
		    view_set(row, "CODE", t[i].code) == -1 ||
		    view_set(row, "BASIS", t[i].legal_basis) == -1 ||
		    view_set_int(row, "POSITION", t[i].position) == -1 ||
		    view_show(row, t[i].enforcement ? "ENFORCEMENT" : "NOT_ENFORCEMENT") == -1 ||
		    view_show(row, t[i].active ? "ACTIVE" : "INACTIVE") == -1)
			goto fail;
	page_render(r, 200, "admin_action_types.tpl", "Action types", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The form, new (t->id 0) or a type's, with what was typed and errors. */
static void
type_form(struct req *r, int status, const struct action_type *t, const char *position,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r);
	const char *heading = t->id == 0 ? "Add an action type" :
	    arena_printf(r->arena, "Change %s", t->name);

	if (d == NULL || view_set(d, "HEADING", heading) == -1 ||
	    view_set(d, "ACTION", t->id == 0 ? "/admin/action-types" :
	        arena_printf(r->arena, "/admin/action-types/%lld", t->id)) == -1 ||
	    view_set(d, "CODE", t->code) == -1 || view_set(d, "NAME", t->name) == -1 ||
	    view_set(d, "BASIS", t->legal_basis) == -1 ||
	    view_set(d, "POSITION", position) == -1 ||
	    view_show(d, t->id == 0 ? "NEW" : "EDITING") == -1 ||
	    view_set_int(d, "ID", (long)t->id) == -1 ||
	    view_set_int(d, "VERSION", (long)t->version) == -1 ||
	    admin_yes_no_dict(d, "ENFORCEMENT", t->enforcement) == -1 ||
	    admin_yes_no_dict(d, "ACTIVE", t->active) == -1 ||
	    form_errors_dict(d, errs) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "admin_action_type_form.tpl", form_title(r, errs, heading), d);
}

/* GET /admin/action-types/new */
void
action_type_new_get(struct req *r)
{
	struct form_errors errs = {0};
	struct action_type t = { .code = "", .name = "", .legal_basis = "", .active = 1,
	    .enforcement = -1 };

	type_form(r, 200, &t, "", &errs);
}

/* Reads the form into t (code only for a new one); *position as typed. */
static int
type_read(struct req *r, struct action_type *t, const char **position,
    struct form_errors *errs)
{
	char *end;
	long pos;

	if (t->id == 0 && (t->code = admin_code(r, '-', "Code must be lower-case letters, "
	    "digits and hyphens", errs)) == NULL)
		return -1;
	if ((t->name = form_text(r, "name", ACTION_TYPE_NAME_MAX, errs, "name",
	    "Enter a name", "Name must be 200 characters or fewer")) == NULL ||
	    (t->legal_basis = form_text(r, "basis", ACTION_TYPE_BASIS_MAX, errs, "basis",
	    NULL, "Legal basis must be 500 characters or fewer")) == NULL ||
	    (*position = form_text(r, "position", 8, errs, "position",
	    "Enter the order, a number from 0 to 9999", "Order must be a number from 0 to 9999"))
	    == NULL)
		return -1;
	t->enforcement = admin_yes_no(r, "enforcement", errs, "enforcement",
	    "Select whether it is an enforcement action");
	t->active = admin_yes_no(r, "active", errs, "active",
	    "Select whether it is offered for new actions");
	pos = strtol(*position, &end, 10);
	if (**position != '\0' && (*end != '\0' || pos < 0 || pos > 9999))
		form_error(errs, "position", "Order must be a number from 0 to 9999");
	t->position = (int)pos;
	return 0;
}

/* POST /admin/action-types */
void
action_type_create_post(struct req *r)
{
	struct form_errors errs = {0};
	struct action_type t = {0};
	const char *position;
	long long id;

	if (type_read(r, &t, &position, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		switch (action_type_create(r->pg, &r->actor, &t, &id)) {
		case ACTION_TYPE_OK:
			return admin_done(r, arena_printf(r->arena, "Action type %s added.",
			    t.name), "/admin/action-types");
		case ACTION_TYPE_CODE_TAKEN:
			form_error(&errs, "code", "An action type with this code already exists");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	t.id = 0;
	type_form(r, 400, &t, position, &errs);
}

/* GET /admin/action-types/{id} */
void
action_type_edit_get(struct req *r)
{
	struct form_errors errs = {0};
	struct action_type t;
	long long id;

	if (admin_id_param(r, &id) == -1)
		return;
	switch (action_type_get(r->pg, r->arena, &r->actor, id, &t)) {
	case ACTION_TYPE_OK:
		return type_form(r, 200, &t, arena_printf(r->arena, "%d", t.position), &errs);
	case ACTION_TYPE_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}

/* POST /admin/action-types/{id}: 303 to the list; 400 with the form; 409
 * (what was typed kept) when someone changed it first. */
void
action_type_update_post(struct req *r)
{
	struct form_errors errs = {0};
	struct action_type t = {0}, now;
	const char *position;
	int status = 400;

	if (admin_id_param(r, &t.id) == -1)
		return;
	if (action_type_get(r->pg, r->arena, &r->actor, t.id, &now) != ACTION_TYPE_OK)
		return page_error(r, 404, NULL);
	t.version = strtoll(admin_version(r), NULL, 10);
	if (type_read(r, &t, &position, &errs) == -1)
		return page_error(r, 500, NULL);
	t.code = now.code;
	if (errs.n == 0) {
		switch (action_type_update(r->pg, &r->actor, &t)) {
		case ACTION_TYPE_OK:
			return admin_done(r, arena_printf(r->arena, "Action type %s changed.",
			    t.name), "/admin/action-types");
		case ACTION_TYPE_NOT_FOUND:
			return page_error(r, 404, NULL);
		case ACTION_TYPE_CONFLICT:
			status = 409;
			t.version = now.version;
			form_error(&errs, "name", "Someone else changed this action type since "
			    "you opened this form. Check what you typed, then save again");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	type_form(r, status, &t, position, &errs);
}

/* GET /admin/action-types/{id}/history */
void
action_type_history_get(struct req *r)
{
	long long id;

	if (admin_id_param(r, &id) == 0)
		admin_history(r, "History of an action type", "/admin/action-types",
		    "action_type", id);
}
