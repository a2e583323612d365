#ifndef API_ODATA_FEED_H
#define API_ODATA_FEED_H

struct req;

/* The feed's JSON. charset comes first: nginx matches gzip_types against
 * what comes before a charset parameter, so after the others the type
 * would not be "application/json" to it and pages would go unzipped. */
#define ODATA_JSON_TYPE	"application/json;charset=utf-8;odata.metadata=minimal;" \
	"odata.streaming=true;IEEE754Compatible=false"

/*
 * The OData v4 feed at /odata/v4/ (README: Partnership reporting): the
 * reporting views for Power BI's OData.Feed connector and Excel, JSON
 * with minimal metadata, paged by the server with a skip token. An
 * analyst's key authenticates it (Basic, the key as the password; or the
 * api_key query parameter) and the key's scopes say which views it reads.
 */

/* The gate of ROUTE_ODATA routes: 1 when the handler may run (r->api and
 * r->actor are the analyst's), 0 when it answered 401/403/503. */
int	odata_gate(struct req *);
/* What the server answers under /odata/ before a handler runs (404, 405,
 * 413, 400), as an OData error. */
void	odata_refuse(struct req *, int status);
/* An OData error: {"error": {"code", "message", "target"?}}. */
void	odata_error_send(struct req *, int status, const char *code,
	    const char *message, const char *target);
/* The one OData-Version header every answer of the feed carries. */
void	odata_version_header(struct req *);
/* Whether the key's scopes let it read the view. */
int	odata_may_read(const struct req *, const char *view);

/* api/odata_service.c */
void	odata_service_get(struct req *);	/* GET /odata/v4/ */
void	odata_metadata_get(struct req *);	/* GET /odata/v4/$metadata */
void	odata_pbids_get(struct req *);		/* GET /odata/concord.pbids */
/* api/odata_rows.c */
void	odata_set_get(struct req *);		/* GET /odata/v4/{set}, {set}(key) */
void	odata_count_get(struct req *);		/* GET /odata/v4/{set}/$count */

#endif
