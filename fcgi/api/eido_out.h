#ifndef API_EIDO_OUT_H
#define API_EIDO_OUT_H

struct buf;
struct json_object;
struct pidf_location;

/*
 * An incident as NENA's EIDO JSON (NENA-STA-021): the incident
 * representation (GET /api/v1/incidents/{ref}, README "CAD API") laid
 * over the document Concord kept when the incident came as EIDO
 * (external.kept.eido, api/eido_in.h), so that what Concord has no field
 * for goes back as it came. No database.
 *
 *   external.id, else urn:emergency:uid:incidentid:<reference>:<element>
 *                                          → $id
 *   updated_at                             → lastUpdateTimeStamp (document
 *                                            and every component Concord writes)
 *   type, status, reference, beat          → incidentComponent
 *   agencies                               → agencyComponent (with the kept ones)
 *   location                               → locationComponent: a PIDF-LO by
 *                                            value (gml:Point, civicAddress) in the
 *                                            kept by-value location, else a new one
 *   people                                 → personComponent, each laid over the
 *                                            kept person of the same role
 *   timeline (and, for an incident that
 *     did not come as EIDO, description)   → notesComponent, after the kept notes
 */

/* The EIDO for rep; kept overrides rep's external.kept when not NULL.
 * element names Concord as the issuing element (the public URL's host).
 * NULL out of memory or when rep is not an object with a reference. */
struct json_object *eido_out_build(struct json_object *rep, struct json_object *kept,
	    const char *element);

/* Writes loc as a PIDF-LO document (gml:Point in EPSG:4326 when it has a
 * point; a civicAddress with the address as LOC and the postcode as PC)
 * for entity (a URI) at timestamp (RFC 3339, or NULL). 0, or -1 out of
 * memory. */
int	pidf_location_write(struct buf *, const struct pidf_location *,
	    const char *entity, const char *timestamp);

#endif
