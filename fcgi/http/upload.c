/* The body of a streaming route (ROUTE_STREAM_BODY: the evidence uploads)
 * read through the multipart parser in chunks, so that memory stays
 * bounded whatever the size: the callbacks see each part as it arrives. */
#include "core/arena.h"
#include "http/request.h"
#include "http/upload.h"

#define UPLOAD_CHUNK	65536

/* Reads the whole body with these limits and callbacks. MULTIPART_OK, or
 * why it stopped (MULTIPART_ABORTED when a callback stopped it,
 * MULTIPART_TRUNCATED when the client went away). */
enum multipart_err
upload_read_body(struct req *r, const struct multipart_limits *lim,
    const struct multipart_callbacks *cb, void *arg)
{
	struct multipart *mp;
	enum multipart_err e;
	char *chunk;
	long got;

	if ((mp = arena_alloc(r->arena, sizeof(*mp))) == NULL ||
	    (chunk = arena_alloc(r->arena, UPLOAD_CHUNK)) == NULL)
		return MULTIPART_ABORTED;
	if ((e = multipart_init(mp, r->content_type, lim)) != MULTIPART_OK)
		return e;
	multipart_callbacks(mp, cb, arg);
	if (r->body_reader == NULL)
		return MULTIPART_TRUNCATED;
	while ((got = r->body_reader(r->body_ctx, chunk, UPLOAD_CHUNK)) > 0)
		if ((e = multipart_feed(mp, chunk, (size_t)got)) != MULTIPART_OK)
			return e;
	if (got < 0)
		return MULTIPART_TRUNCATED;
	return multipart_finish(mp);
}
