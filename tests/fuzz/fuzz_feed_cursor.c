/* The change feed's cursor (api/feed_cursor.c): text any client sends. */
#include "fuzz.h"

#include "api/feed_cursor.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *s = fuzz_string(data, n), out[FEED_CURSOR_MAX];
	struct api_feed_pos p, q;

	/* What is accepted is exactly what the encoder writes for it. */
	if (feed_cursor_decode(s, &p) == 0) {
		CHECK(p.id >= 0);
		feed_cursor_encode(&p, out);
		CHECK(strcmp(out, s) == 0);
	}
	/* Any place goes round. */
	if (n >= 16) {
		memcpy(&p.xid, data, 8);
		memcpy(&p.id, data + 8, 8);
		if (p.id < 0)
			p.id = -(p.id + 1);
		feed_cursor_encode(&p, out);
		CHECK(feed_cursor_decode(out, &q) == 0);
		CHECK(q.xid == p.xid && q.id == p.id);
	}
	free(s);
	return 0;
}
