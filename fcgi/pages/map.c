/* The map picker (views/static/map.js) of every page that asks where
 * something happened: the public form's where step and the police
 * creation page. */
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/area.h"
#include "http/request.h"
#include "pages/map.h"
#include "store/pg.h"
#include "view/view.h"

/* The MAP section, only when a tile server is configured: where the map
 * opens, whose tiles it shows and the partnership's outline (GeoJSON, in
 * an attribute the template escapes), which the map draws and fits
 * itself to. The outline only helps: without it (none loaded, or the
 * database failed to give it) the map opens where configured. Returns 0
 * or -1. */
int
map_dict(struct req *r, struct view_dict *dict)
{
	const struct config *cfg = r->cfg;
	struct view_dict *map;
	const char *lon, *lat, *outline;

	if (cfg == NULL || cfg->map_tile_url[0] == '\0')
		return 0;
	if (area_outline(r->pg, r->arena, &outline) == -1) {
		log_warn("the map has no outline: %s", pg_error(r->pg));
		outline = "";
	}
	lon = arena_printf(r->arena, "%.6f", cfg->map_lon);
	lat = arena_printf(r->arena, "%.6f", cfg->map_lat);
	if (lon == NULL || lat == NULL || (map = view_section(dict, "MAP")) == NULL ||
	    view_set(map, "MAP_TILES", cfg->map_tile_url) == -1 ||
	    view_set(map, "MAP_ATTRIBUTION", cfg->map_attribution) == -1 ||
	    view_set(map, "MAP_LON", lon) == -1 || view_set(map, "MAP_LAT", lat) == -1 ||
	    view_set_int(map, "MAP_ZOOM", cfg->map_zoom) == -1 ||
	    view_set(map, "MAP_OUTLINE", outline) == -1)
		return -1;
	return 0;
}
