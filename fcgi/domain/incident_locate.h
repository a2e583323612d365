#ifndef DOMAIN_INCIDENT_LOCATE_H
#define DOMAIN_INCIDENT_LOCATE_H

struct actor;
struct arena;
struct config;
struct incident;
struct pg;

/* Setting the point of an incident that has none: an address-only report
 * waits in its council area's queue or the force's triage queue marked
 * "location to confirm" (allocation_plan, 0041); once staff set where it
 * is, the incident gets the beat and council area of the point, its flags
 * are refreshed (a point can make it a repeat location), and it is
 * allocated by the point (domain/allocate.h: its location-to-confirm
 * allocations end, the neighbourhood and council teams' begin), in one
 * transaction with its audit row ("locate") and a queue_event
 * ("location_set") for its timeline. */

enum locate_result {
	LOCATE_OK,
	LOCATE_BAD_POINT,	/* not a point in the partnership: *why says why */
	LOCATE_HAS_POINT,	/* it has one already */
	LOCATE_CLOSED,		/* a closed incident is not allocated again */
	LOCATE_NOT_FOUND,	/* or not the actor's to see (audited) */
	LOCATE_CONFLICT,	/* changed by someone else since version */
	LOCATE_ERROR,
};

extern const struct pg_stmts incident_locate_statements;

/* The words for a point left blank. */
#define LOCATE_BLANK_WORDS	"Enter the latitude and longitude of the place, " \
				"or choose it on the map"

/* Sets the point of incident reference (lon and lat as typed: decimal
 * degrees, WGS 84) if it is still at version. *why: the words for a
 * person on LOCATE_BAD_POINT. Audited; the transaction is its own. */
enum locate_result incident_locate(struct pg *, struct arena *, const struct actor *,
	    const struct config *, const char *reference, const char *lon,
	    const char *lat, long long version, const char **why);

/* Sets or moves the point of the incident in (read, its row locked, in
 * the caller's transaction) to lon, lat (WGS 84), checked as above, with
 * the same audit row, timeline entry, flags and allocation (a CAD system's
 * change of place: domain/api_incident_patch.c). The caller commits on
 * LOCATE_OK; LOCATE_BAD_POINT (*why), LOCATE_CLOSED, LOCATE_CONFLICT (in
 * is not at the version it has now) or LOCATE_ERROR. */
enum locate_result incident_locate_apply(struct pg *, struct arena *,
	    const struct actor *, const struct config *, const struct incident *in,
	    double lon, double lat, const char **why);

#endif
