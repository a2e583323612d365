/* The "Where did it happen?" step of the public form: an address, or a
 * point on the map checked against the partnership's area. */
#include <ctype.h>
#include <string.h>


#include "core/arena.h"
#include "core/config.h"
#include "domain/area.h"
#include "domain/point_check.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
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

/* The map picker (views/static/map.js), only when a tile server is
 * configured: where it opens and whose tiles it shows. Returns 0 or -1. */
static int
where_map(struct req *r, struct view_dict *dict)
{
	const struct config *cfg = r->cfg;
	struct view_dict *map;
	const char *lon, *lat;

	if (cfg == NULL || cfg->map_tile_url[0] == '\0')
		return 0;
	lon = arena_printf(r->arena, "%.6f", cfg->map_lon);
	lat = arena_printf(r->arena, "%.6f", cfg->map_lat);
	if (lon == NULL || lat == NULL || (map = view_section(dict, "MAP")) == NULL ||
	    view_set(map, "MAP_TILES", cfg->map_tile_url) == -1 ||
	    view_set(map, "MAP_ATTRIBUTION", cfg->map_attribution) == -1 ||
	    view_set(map, "MAP_LON", lon) == -1 || view_set(map, "MAP_LAT", lat) == -1 ||
	    view_set_int(map, "MAP_ZOOM", cfg->map_zoom) == -1)
		return -1;
	return 0;
}

static void
where_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r, d,
	    step_before(r, d, STEP_WHERE, 0, NULL, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, where_fields, WH__N, v) == -1 ||
	    where_map(r, dict) == -1) {
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
	/* Sent back by the submit step: the place is not ours. */
	problem = draft_get(&d, DK_WHERE_PROBLEM);
	if (*problem != '\0')
		form_error(&errs, "address-line-1", problem);
	where_render(r, &d, *problem != '\0' ? 400 : 200, v, &errs);
	draft_free(&d);
}

/* A UK postcode's shape, upper-cased with one space, in out; -1 when it
 * is not one. */
static int
postcode_check(const char *in, char out[9])
{
	char s[9];
	size_t n = 0, i;

	for (; *in != '\0'; in++) {
		if (*in == ' ')
			continue;
		if (!isalnum((unsigned char)*in) || n >= 7)
			return -1;
		s[n++] = (char)toupper((unsigned char)*in);
	}
	if (n < 5)
		return -1;
	/* Inward code: digit, letter, letter. */
	if (!isdigit((unsigned char)s[n - 3]) || !isalpha((unsigned char)s[n - 2]) ||
	    !isalpha((unsigned char)s[n - 1]))
		return -1;
	/* Outward code: a letter or two, a digit, then a digit or letter. */
	if (!isalpha((unsigned char)s[0]))
		return -1;
	i = isalpha((unsigned char)s[1]) ? 2 : 1;
	if (!isdigit((unsigned char)s[i]) || n - 3 < i + 1 || n - 3 > i + 2)
		return -1;
	memcpy(out, s, n - 3);
	out[n - 3] = ' ';
	memcpy(out + n - 2, s + n - 3, 3);
	out[n + 1] = '\0';
	return 0;
}

/* POST /report/where */
void
report_where_post(struct req *r)
{
	struct form_errors errs = {0};
	struct area_location where;
	struct report_draft d;
	const char *v[WH__N];
	double lon = 0, lat = 0;
	char pc[9] = "";
	int point = 0;

	if (!draft_enter(r, &d, 1))
		return;
	if (step_fields_read(r, where_fields, WH__N, &errs, v) == -1)
		goto unavailable;
	if (*v[WH_LON] != '\0' || *v[WH_LAT] != '\0') {
		const char *why = point_parse(v[WH_LON], v[WH_LAT], &lon, &lat);

		if (why != NULL)
			form_error(&errs, "address-line-1", why);
		else
			point = 1;
	}
	if (!point && *v[WH_LINE1] == '\0')
		form_error(&errs, "address-line-1", "Enter the building and street, "
		    "or the nearest street or landmark");
	if (*v[WH_POSTCODE] != '\0' && strlen(v[WH_POSTCODE]) <= 16 &&
	    postcode_check(v[WH_POSTCODE], pc) == -1)
		form_error(&errs, "address-postcode", "Enter a real postcode, like SW1A 1AA");
	if (errs.n == 0 && point) {
		switch (area_locate(r->pg, lon, lat, &where)) {
		case AREA_OK:
			if (!where.in_partnership)
				form_error(&errs, "address-line-1", outside_message(r, &where));
			break;
		case AREA_BAD_POINT:
			form_error(&errs, "address-line-1", POINT_WORDS);
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
	    draft_set(&d, DK_WHERE_PROBLEM, "") == -1 || draft_set(&d, DK_NOTICE, "") == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_WHERE, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
