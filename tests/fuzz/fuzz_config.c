/* The configuration file (core/config.c): `key = value` lines. */
#include "fuzz.h"

#include "core/config.h"

/* Every string field must still be NUL-terminated within its size. */
#define TERMINATED(c, f)	CHECK(memchr((c)->f, '\0', sizeof((c)->f)) != NULL)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct config c;
	char *s = fuzz_string(data, n), err[256];
	int rc;

	config_defaults(&c);
	memset(err, 'x', sizeof(err));
	rc = config_parse(&c, s, err, sizeof(err));
	CHECK(rc == 0 || rc == -1);
	if (rc == -1) {
		/* A failure always says why, in a terminated message. */
		CHECK(memchr(err, '\0', sizeof(err)) != NULL);
		CHECK(err[0] != '\0');
	}
	TERMINATED(&c, socket);
	TERMINATED(&c, db);
	TERMINATED(&c, db_admin);
	TERMINATED(&c, redis);
	TERMINATED(&c, views);
	TERMINATED(&c, sql);
	TERMINATED(&c, mail_outbox);
	TERMINATED(&c, mail_from);
	TERMINATED(&c, evidence_dir);
	TERMINATED(&c, map_tile_url);
	TERMINATED(&c, map_attribution);
	TERMINATED(&c, public_url);
	if (rc == 0) {
		CHECK(c.workers >= 0 && c.workers <= 256);
		CHECK(c.socket_mode <= 0777);
		CHECK(c.upload_files_max >= 1 && c.upload_files_max <= 100);
		CHECK(c.map_zoom >= 1 && c.map_zoom <= 19);
		CHECK(c.map_lon >= -180 && c.map_lon <= 180);
		CHECK(c.map_lat >= -85 && c.map_lat <= 85);
	}
	free(s);
	return 0;
}
