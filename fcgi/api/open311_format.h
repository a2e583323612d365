#ifndef API_OPEN311_FORMAT_H
#define API_OPEN311_FORMAT_H

#include <stddef.h>

struct buf;
struct open311_attribute;
struct open311_request;
struct open311_service;
struct req;

/* The shapes GeoReport v2 answers in, as JSON (json-c) or XML (a small
 * writer that escapes every value). Each function sets the whole
 * response: status, content type and body. */
enum open311_fmt { OPEN311_JSON, OPEN311_XML };

/* The XML writer, exposed for the unit tests. */
void	xml_escape(struct buf *, const char *);
void	xml_element(struct buf *, const char *tag, const char *text);

void	open311_send_error(struct req *, enum open311_fmt, int status,
	    const char *description);
void	open311_send_discovery(struct req *, enum open311_fmt, const char *url,
	    const char *changeset);
void	open311_send_services(struct req *, enum open311_fmt,
	    const struct open311_service *, size_t);
void	open311_send_definition(struct req *, enum open311_fmt,
	    const struct open311_service *, const struct open311_attribute *, size_t);
void	open311_send_requests(struct req *, enum open311_fmt,
	    const struct open311_request *, size_t);
void	open311_send_created(struct req *, enum open311_fmt, const char *id,
	    const char *notice);
void	open311_send_token(struct req *, enum open311_fmt, const char *id,
	    const char *token);

#endif
