/* The response head: status, headers, and the security headers. */
#include "test.h"

#include <stdio.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "http/request.h"

static void
init(struct req *r, struct arena *a, struct buf *body)
{
	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->request_id = "rid1";
	r->resp.body = body;
}

static void
head_has_status_length_and_security_headers(void **state)
{
	struct arena *a = arena_new(0);
	struct buf body = {0}, head = {0};
	struct req r;

	(void)state;
	init(&r, a, &body);
	resp_text(&r, 404, "nope");
	assert_int_equal(resp_head(&r, 0, &head), 0);
	assert_non_null(strstr(head.data, "Status: 404 Not Found\r\n"));
	assert_non_null(strstr(head.data, "Content-Length: 5\r\n"));
	assert_non_null(strstr(head.data, "Content-Security-Policy: default-src 'self'"));
	assert_non_null(strstr(head.data, "frame-ancestors 'none'"));
	assert_null(strstr(head.data, "unsafe-inline"));
	assert_non_null(strstr(head.data, "X-Content-Type-Options: nosniff\r\n"));
	assert_non_null(strstr(head.data, "Referrer-Policy: "));
	assert_non_null(strstr(head.data, "Cache-Control: no-store\r\n"));
	assert_non_null(strstr(head.data, "X-Request-Id: rid1\r\n"));
	assert_null(strstr(head.data, "Strict-Transport-Security"));
	assert_string_equal(head.data + head.len - 4, "\r\n\r\n");
	buf_reset(&head);
	assert_int_equal(resp_head(&r, 1, &head), 0);
	assert_non_null(strstr(head.data, "Strict-Transport-Security: max-age="));
	buf_free(&head);
	buf_free(&body);
	arena_free(a);
}

/* The map's tile server, when it is another site, and only it, may serve
 * images; a Leaflet {s} subdomain becomes a wildcard. */
static void
csp_names_the_map_tile_server(void **state)
{
	struct arena *a = arena_new(0);
	struct buf body = {0}, head = {0};
	struct config cfg;
	struct req r;

	(void)state;
	init(&r, a, &body);
	config_defaults(&cfg);
	r.cfg = &cfg;
	resp_text(&r, 200, "ok");
	assert_int_equal(resp_head(&r, 0, &head), 0);
	assert_non_null(strstr(head.data, "img-src 'self' data:; font-src"));
	snprintf(cfg.map_tile_url, sizeof(cfg.map_tile_url), "/dev-tiles/{z}/{x}/{y}.png");
	buf_reset(&head);
	assert_int_equal(resp_head(&r, 0, &head), 0);
	assert_non_null(strstr(head.data, "img-src 'self' data:; font-src"));
	snprintf(cfg.map_tile_url, sizeof(cfg.map_tile_url),
	    "https://tile.example.org:8443/osm/{z}/{x}/{y}.png?k=1");
	buf_reset(&head);
	assert_int_equal(resp_head(&r, 0, &head), 0);
	assert_non_null(strstr(head.data,
	    "img-src 'self' data: https://tile.example.org:8443; font-src"));
	snprintf(cfg.map_tile_url, sizeof(cfg.map_tile_url),
	    "https://{s}.tile.example.org/{z}/{x}/{y}.png");
	buf_reset(&head);
	assert_int_equal(resp_head(&r, 0, &head), 0);
	assert_non_null(strstr(head.data,
	    "img-src 'self' data: https://*.tile.example.org; font-src"));
	buf_free(&head);
	buf_free(&body);
	arena_free(a);
}

static void
header_injection_is_refused(void **state)
{
	struct arena *a = arena_new(0);
	struct buf body = {0}, head = {0};
	struct req r;

	(void)state;
	init(&r, a, &body);
	assert_int_equal(resp_header(&r, "X-A", "fine"), 0);
	assert_int_equal(resp_header(&r, "X-B", "bad\r\nSet-Cookie: x=1"), -1);
	assert_int_equal(resp_header(&r, "X-C\n", "v"), -1);
	resp_redirect(&r, 303, "/ok");
	assert_int_equal(resp_head(&r, 0, &head), 0);
	assert_non_null(strstr(head.data, "X-A: fine\r\n"));
	assert_non_null(strstr(head.data, "Location: /ok\r\n"));
	assert_null(strstr(head.data, "Set-Cookie"));
	init(&r, a, &body);
	resp_redirect(&r, 303, "/x\r\nEvil: 1");
	assert_int_equal(r.resp.status, 500);
	buf_free(&head);
	buf_free(&body);
	arena_free(a);
}

static void
handler_cache_control_wins(void **state)
{
	struct arena *a = arena_new(0);
	struct buf body = {0}, head = {0};
	struct req r;

	(void)state;
	init(&r, a, &body);
	resp_header(&r, "Cache-Control", "no-cache");
	resp_text(&r, 200, "x");
	resp_head(&r, 0, &head);
	assert_non_null(strstr(head.data, "Cache-Control: no-cache\r\n"));
	assert_null(strstr(head.data, "no-store"));
	buf_free(&head);
	buf_free(&body);
	arena_free(a);
}

static void
json_body_is_valid_json(void **state)
{
	struct arena *a = arena_new(0);
	struct buf body = {0};
	struct json_object *o = json_object_new_object(), *back;
	struct req r;

	(void)state;
	init(&r, a, &body);
	json_object_object_add(o, "msg", json_object_new_string("a \"quoted\" </script>"));
	resp_json(&r, 503, o);
	json_object_put(o);
	assert_int_equal(r.resp.status, 503);
	assert_string_equal(r.resp.content_type, "application/json; charset=utf-8");
	back = json_tokener_parse(body.data);
	assert_non_null(back);
	assert_string_equal(json_object_get_string(json_object_object_get(back, "msg")),
	    "a \"quoted\" </script>");
	json_object_put(back);
	buf_free(&body);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(head_has_status_length_and_security_headers),
		cmocka_unit_test(csp_names_the_map_tile_server),
		cmocka_unit_test(header_injection_is_refused),
		cmocka_unit_test(handler_cache_control_wins),
		cmocka_unit_test(json_body_is_valid_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
