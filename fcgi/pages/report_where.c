/* The "Where did it happen?" step of the public form: an address, or a
 * point on the map checked against the partnership's area. */
#include <string.h>


#include "core/arena.h"
#include "core/config.h"
#include "domain/area.h"
#include "domain/intake_check.h"
#include "domain/point_check.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/map.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

#define ADDRESS_MAX		200
#define TOWN_MAX		100

/* ------------------------------------------------------------------ */
/* 5. Where                                                            */

/* Its fields are read, kept and shown from the table; what they mean
 * together (an address or a map point, the postcode's shape, whether the
 * place is ours) is checked in report_where_post. */
enum { WH_LINE1, WH_TOWN, WH_POSTCODE, WH_LON, WH_LAT, WH__N };

static const struct step_field where_fields[WH__N] = {
	[WH_LINE1] = { "address-line-1", DK_ADDRESS_LINE1, "LINE1", SF_TEXT, ADDRESS_MAX,
	    NULL, "Building and street must be 200 characters or fewer" },
	[WH_TOWN] = { "address-town", DK_TOWN, "TOWN", SF_TEXT, TOWN_MAX,
	    NULL, "Town or city must be 100 characters or fewer" },
	[WH_POSTCODE] = { "address-postcode", DK_POSTCODE, "POSTCODE", SF_TEXT, 16,
	    NULL, "Enter a real postcode, like SW1A 1AA" },
	/* Set by the map picker; checked as coordinates below. */
	[WH_LON] = { "lon", DK_LON, "LON", SF_TEXT, (size_t)-1, NULL, NULL },
	[WH_LAT] = { "lat", DK_LAT, "LAT", SF_TEXT, (size_t)-1, NULL, NULL },
};

static void
where_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_WHERE, 0, NULL, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, where_fields, WH__N, v) == -1 ||
	    map_dict(r, dict) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_where.tpl",
	    form_title(r, errs, "Where did it happen?"), dict);
}

/* GET /report/where */
void
report_where_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[WH__N], *problem;

	if (!draft_enter(r, &d, 1))
		return;
	step_fields_saved(&d, where_fields, WH__N, v);
	/* Sent back by the submit step: the place is not ours, which is
	 * about the map's point when one was chosen. */
	problem = draft_get(&d, DK_WHERE_PROBLEM);
	if (*problem != '\0')
		form_error(&errs, *v[WH_LON] != '\0' ? MAP_FIELD : "address-line-1", problem);
	where_render(r, &d, *problem != '\0' ? 400 : 200, v, &errs);
	draft_free(&d);
}

/* POST /report/where */
void
report_where_post(struct req *r)
{
	struct form_errors errs = {0};
	struct area_location where, nowhere = {0};
	struct report_draft d;
	const char *v[WH__N], *why;
	double lon = 0, lat = 0;
	char pc[INTAKE_POSTCODE_MAX] = "";
	int point = 0;

	if (!draft_enter(r, &d, 1))
		return;
	if (step_fields_read(r, where_fields, WH__N, &errs, v) == -1)
		goto unavailable;
	if (*v[WH_LON] != '\0' || *v[WH_LAT] != '\0') {
		if ((why = point_parse(v[WH_LON], v[WH_LAT], &lon, &lat)) != NULL)
			form_error(&errs, MAP_FIELD, why);
		else
			point = 1;
	}
	if (!point && *v[WH_LINE1] == '\0')
		form_error(&errs, "address-line-1", "Enter the building and street, "
		    "or the nearest street or landmark");
	/* The intake's check (domain/intake_check.c): the same on every channel. */
	if (*v[WH_POSTCODE] != '\0' && strlen(v[WH_POSTCODE]) <= 16 &&
	    (why = intake_postcode_check(v[WH_POSTCODE], pc)) != NULL)
		form_error(&errs, "address-postcode", why);
	/* With no point the postcode is all there is to go by (or one at the
	 * end of the address, as the intake reads it): the intake's verdict,
	 * at once, in the words a point outside gets here. */
	if (!point && intake_district_check(r->cfg->postcode_districts, v[WH_POSTCODE],
	    *v[WH_TOWN] != '\0' ? v[WH_TOWN] : v[WH_LINE1]) != NULL)
		form_error(&errs, *v[WH_POSTCODE] != '\0' ? "address-postcode" :
		    *v[WH_TOWN] != '\0' ? "address-town" : "address-line-1",
		    outside_message(r, &nowhere));
	if (errs.n == 0 && point) {
		switch (area_locate(r->pg, lon, lat, &where)) {
		case AREA_OK:
			if (!where.in_partnership)
				form_error(&errs, MAP_FIELD, outside_message(r, &where));
			break;
		case AREA_BAD_POINT:
			form_error(&errs, MAP_FIELD, POINT_WORDS);
			break;
		default:
			goto unavailable;
		}
	}
	if (errs.n > 0) {
		where_render(r, &d, 400, v, &errs);
		goto out;
	}
	/* The postcode as normalised; the point only when it was one. */
	v[WH_POSTCODE] = pc;
	if (!point)
		v[WH_LON] = v[WH_LAT] = "";
	if (step_fields_save(&d, where_fields, WH__N, v) == -1 ||
	    draft_set(&d, DK_WHERE_PROBLEM, "") == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_WHERE, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
