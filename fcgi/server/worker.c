/* A pre-forked worker: accept a request, build it, route it, answer it,
 * log it; one request at a time, all its memory from one arena. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "api/api.h"
#include "api/odata_feed.h"
#include "server/gate.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/case_supervision.h"
#include "domain/statements.h"
#include "http/multipart.h"
#include "http/request.h"
#include "pages/layout.h"
#include "server/routes.h"
#include "server/worker.h"
#include "store/pg.h"
#include "store/redis.h"

struct worker {
	const struct config	*cfg;
	struct req_limits	 lim;
	struct arena		*arena;
	struct pg		*pg;
	struct rd		*rd;
	struct buf		 body;
	struct buf		 head;
	FCGX_Request		 fcgi;
	int			 cadence_synced;	/* case_cadence_sync done */
};

static volatile sig_atomic_t stopping;

/* SIGTERM: finish the request in hand, then leave. libfcgi's accept loop
 * gives up on EINTR once shutdown is pending. */
static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

static void
worker_signals(void)
{
	struct sigaction sa;
	sigset_t none;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;	/* no SA_RESTART: accept must see EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Reads the body nginx has buffered for us. Returns 0 or an HTTP status. */
static int
body_read(struct worker *w, struct req *r)
{
	char *p;
	int got;

	if (r->content_length <= 0)
		return 0;
	if ((p = arena_alloc(r->arena, (size_t)r->content_length + 1)) == NULL) {
		r->error = "Out of memory.";
		return 500;
	}
	got = FCGX_GetStr(p, (int)r->content_length, w->fcgi.in);
	if (got != r->content_length) {
		r->error = "The request body was cut short.";
		return 400;
	}
	p[got] = '\0';
	r->body = p;
	r->body_len = (size_t)got;
	return 0;
}

/* A streaming route's reader: what nginx passes on, a chunk at a time. */
static long
fcgi_body_reader(void *ctx, char *buf, size_t len)
{
	struct worker *w = ctx;
	int got;

	if (len > 1 << 20)
		len = 1 << 20;
	got = FCGX_GetStr(buf, (int)len, w->fcgi.in);
	if (got < 0 || FCGX_GetError(w->fcgi.in) != 0)
		return -1;
	return got;
}

/* Reads and parses the body, or — for a streaming route — hands the
 * handler a reader, each within its own limit. Returns 0 or a status. */
static int
body_prepare(struct worker *w, struct req *r, const struct route *route)
{
	int status;

	if (route->flags & ROUTE_STREAM_BODY) {
		if (r->content_length > 0 &&
		    (unsigned long long)r->content_length > w->lim.stream_max) {
			r->error = "What you sent is too large.";
			return 413;
		}
		r->body_reader = fcgi_body_reader;
		r->body_ctx = w;
		return 0;
	}
	if (r->content_length > 0 &&
	    (unsigned long long)r->content_length > w->lim.body_max) {
		r->error = "The request body is too large.";
		return 413;
	}
	if ((status = body_read(w, r)) != 0)
		return status;
	return req_body_parse(r, &w->lim);
}

/* Sends head and body through libfcgi; never FCGX_FPrintF (its printf
 * does not know %zu and friends). */
static void
send_response(struct worker *w, struct req *r)
{
	buf_reset(&w->head);
	if (resp_head(r, w->cfg->production, &w->head) == -1)
		return;
	if (FCGX_PutStr(w->head.data, (int)w->head.len, w->fcgi.out) < 0)
		return;
	if (r->method != METHOD_HEAD && w->body.len > 0)
		FCGX_PutStr(w->body.data, (int)w->body.len, w->fcgi.out);
}

static void
serve(struct worker *w)
{
	const struct route *route;
	struct req r;
	double start = clock_ms();
	int status;

	arena_reset(w->arena);
	buf_reset(&w->body);
	status = req_parse(&r, w->arena, w->fcgi.envp, &w->lim);
	log_set_request(r.request_id);
	r.cfg = w->cfg;
	r.pg = w->pg;
	r.rd = w->rd;
	r.resp.body = &w->body;
	route = status == 0 ? route_match(routes, routes_n, &r, &status) : NULL;
	if (route != NULL)
		status = body_prepare(w, &r, route);
	if (status == 0 && route != NULL && ((route->flags & ROUTE_API_SIGNED) ?
	    api_gate(&r, route->perm) : (route->flags & ROUTE_ODATA) ? odata_gate(&r) :
	    gate_enter(&r, route->perm, route->flags & (ROUTE_NO_CSRF | ROUTE_STREAM_BODY))))
		route->handler(&r);
	if (status != 0 && strncmp(r.path != NULL ? r.path : "", "/api/", 5) == 0)
		api_refuse(&r, status);
	else if (status != 0 && strncmp(r.path != NULL ? r.path : "", "/odata/", 7) == 0)
		odata_refuse(&r, status);
	else if (status != 0)
		page_error(&r, status, status == 404 || status >= 500 ? NULL : r.error);
	if (r.resp.status == 0) {
		log_error("handler for %s %s set no response", r.method_name, r.path);
		resp_text(&r, 500, "Sorry, something went wrong.");
	}
	send_response(w, &r);
	log_request(r.method_name, r.path, r.resp.status, clock_ms() - start,
	    w->body.len);
	log_set_request(NULL);
}

void
worker_run(const struct config *cfg, int listen_fd)
{
	struct worker w;

	memset(&w, 0, sizeof(w));
	worker_signals();
	w.cfg = cfg;
	w.lim = req_limits_default;
	w.lim.body_max = cfg->body_max;
	w.lim.stream_max = multipart_total_for((size_t)cfg->upload_files_max,
	    cfg->upload_max);
	w.arena = arena_new(32768);
	w.pg = pg_open(cfg->db, domain_statements, domain_statements_n);
	w.rd = rd_open(cfg->redis);
	if (w.arena == NULL || w.pg == NULL || w.rd == NULL ||
	    FCGX_InitRequest(&w.fcgi, listen_fd, 0) != 0) {
		log_error("worker: out of memory at start");
		_exit(1);
	}
	/* Connect now so the first request does not pay for it; a database
	 * that is down is retried on each request. */
	if (pg_ensure(w.pg) == -1)
		log_warn("database not available yet: %s", pg_error(w.pg));
	while (!stopping && FCGX_Accept_r(&w.fcgi) >= 0) {
		/* The review cadence the case_work views read is the config's:
		 * written once per worker, before its first request. */
		if (!w.cadence_synced)
			w.cadence_synced = case_cadence_sync(w.pg, cfg) == 0;
		serve(&w);
		FCGX_Finish_r(&w.fcgi);
	}
	pg_close(w.pg);
	rd_close(w.rd);
	arena_free(w.arena);
	buf_free(&w.body);
	buf_free(&w.head);
	_exit(0);
}
