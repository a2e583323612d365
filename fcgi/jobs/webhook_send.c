/* Webhooks on the wire: a batch of POSTs sent at once with libcurl's
 * multi interface, so a slow or dead receiver costs the batch at most
 * WEBHOOK_TIMEOUT_MS, however many deliveries it holds. No redirect is
 * followed, only http and https are spoken, and an answer's body is read
 * and dropped: its status is all a delivery needs. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "core/log.h"
#include "jobs/jobs.h"

/* The connections to the receivers, kept between batches. */
struct webhook_wire {
	CURLM	*multi;
};

static struct webhook_wire wire;

/* libcurl's global set-up, once, before anything else runs. 0, or -1
 * logged. */
int
webhook_wire_init(void)
{
	CURLcode rc;

	if ((rc = curl_global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK) {
		log_error("libcurl: %s", curl_easy_strerror(rc));
		return -1;
	}
	if ((wire.multi = curl_multi_init()) == NULL) {
		log_error("libcurl: cannot make a multi handle");
		curl_global_cleanup();
		return -1;
	}
	return 0;
}

void
webhook_wire_close(void)
{
	if (wire.multi == NULL)
		return;
	curl_multi_cleanup(wire.multi);
	wire.multi = NULL;
	curl_global_cleanup();
}

/* Whether every byte of s is printable ASCII with no space: then the path
 * libcurl sends is the path as written, the one the signature covers. */
static int
url_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < 0x21 || *s > 0x7e)
			return 0;
	return 1;
}

/* The path and the query (without "?"; "" when none) that a POST to url
 * sends, for its signature. 0, or -1 with why in err. */
int
webhook_target(const char *url, char *path, size_t pathlen, char *query,
    size_t querylen, char *err, size_t errlen)
{
	CURLU *u;
	CURLUcode uc;
	char *scheme = NULL, *p = NULL, *q = NULL;
	int rc = -1;

	if (!url_plain(url)) {
		snprintf(err, errlen, "the webhook address must be printable ASCII");
		return -1;
	}
	if ((u = curl_url()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if ((uc = curl_url_set(u, CURLUPART_URL, url, 0)) != CURLUE_OK ||
	    (uc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0)) != CURLUE_OK ||
	    (uc = curl_url_get(u, CURLUPART_PATH, &p, 0)) != CURLUE_OK) {
		snprintf(err, errlen, "the webhook address is not a URL: %s",
		    curl_url_strerror(uc));
		goto out;
	}
	if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) {
		snprintf(err, errlen, "the webhook address must be http or https");
		goto out;
	}
	uc = curl_url_get(u, CURLUPART_QUERY, &q, 0);
	if (uc != CURLUE_OK && uc != CURLUE_NO_QUERY) {
		snprintf(err, errlen, "the webhook address's query: %s",
		    curl_url_strerror(uc));
		goto out;
	}
	if ((size_t)snprintf(path, pathlen, "%s", p) >= pathlen ||
	    (size_t)snprintf(query, querylen, "%s", q != NULL ? q : "") >= querylen) {
		snprintf(err, errlen, "the webhook address is too long");
		goto out;
	}
	rc = 0;
out:
	curl_free(scheme);
	curl_free(p);
	curl_free(q);
	curl_url_cleanup(u);
	return rc;
}

/* An answer's body: read and dropped. */
static size_t
body_drop(char *data, size_t size, size_t n, void *arg)
{
	(void)data;
	(void)arg;
	return size * n;
}

/* The easy handle of one POST, or NULL with why in p->error. Its header
 * list goes to *list (the caller frees it after the transfer). */
static CURL *
post_handle(struct webhook_post *p, struct curl_slist **list)
{
	struct curl_slist *h = NULL, *next;
	CURL *c;
	size_t i;

	*list = NULL;
	for (i = 0; i < p->nheaders; i++) {
		if ((next = curl_slist_append(h, p->headers[i])) == NULL)
			goto oom;
		h = next;
	}
	if ((c = curl_easy_init()) == NULL)
		goto oom;
	/* Every option is checked: one refused (an old libcurl) would send
	 * something other than what was signed, or follow a redirect. */
	if (curl_easy_setopt(c, CURLOPT_URL, p->url) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_POST, 1L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_POSTFIELDS, p->body) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)p->body_len) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_USERAGENT, "concord-worker/" CONCORD_VERSION) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)WEBHOOK_CONNECT_MS) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)WEBHOOK_TIMEOUT_MS) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, body_drop) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, p->curl_error) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_PRIVATE, p) != CURLE_OK) {
		curl_easy_cleanup(c);
		curl_slist_free_all(h);
		snprintf(p->error, sizeof(p->error), "libcurl refused an option");
		return NULL;
	}
	*list = h;
	return c;
oom:
	curl_slist_free_all(h);
	snprintf(p->error, sizeof(p->error), "out of memory");
	return NULL;
}

/* What became of a finished transfer, into its post. */
static void
post_done(CURL *c, CURLcode result)
{
	struct webhook_post *p = NULL;
	curl_off_t us = 0;
	long status = 0;

	if (curl_easy_getinfo(c, CURLINFO_PRIVATE, (char **)&p) != CURLE_OK || p == NULL)
		return;
	if (curl_easy_getinfo(c, CURLINFO_TOTAL_TIME_T, &us) == CURLE_OK)
		p->duration_ms = (int)(us / 1000);
	if (result != CURLE_OK) {
		snprintf(p->error, sizeof(p->error), "%s%s%s", curl_easy_strerror(result),
		    p->curl_error[0] != '\0' ? ": " : "", p->curl_error);
		return;
	}
	if (curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK)
		status = 0;
	p->status = status;
	p->ok = status >= 200 && status <= 299;
	if (!p->ok)
		snprintf(p->error, sizeof(p->error), "the receiver answered %ld", status);
}

/* Runs the transfers added to the multi handle until all are done. 0, or
 * -1 when libcurl itself failed (the unfinished ones keep their error). */
static int
transfers_run(void)
{
	CURLMsg *m;
	CURLMcode mc;
	int running = 1, left;

	while (running > 0) {
		if ((mc = curl_multi_perform(wire.multi, &running)) != CURLM_OK) {
			log_error("libcurl: %s", curl_multi_strerror(mc));
			return -1;
		}
		while ((m = curl_multi_info_read(wire.multi, &left)) != NULL)
			if (m->msg == CURLMSG_DONE)
				post_done(m->easy_handle, m->data.result);
		if (running > 0 && (mc = curl_multi_poll(wire.multi, NULL, 0,
		    100, NULL)) != CURLM_OK) {
			log_error("libcurl: %s", curl_multi_strerror(mc));
			return -1;
		}
	}
	return 0;
}

/* Sends every post at once and fills in what became of each: ok with the
 * status of a 2xx, or the status (0 when there was no answer) and why. A
 * signal does not cut a batch short: it ends within WEBHOOK_TIMEOUT_MS. */
void
webhook_send(struct webhook_post *const *posts, size_t n)
{
	CURL *handles[WEBHOOK_BATCH] = {0};
	struct curl_slist *lists[WEBHOOK_BATCH] = {0};
	CURLMcode mc;
	size_t i;

	for (i = 0; i < n && i < WEBHOOK_BATCH; i++) {
		struct webhook_post *p = posts[i];

		/* A skipped post keeps the reason it could not be made. */
		if (p->skip)
			continue;
		p->status = 0;
		p->ok = 0;
		p->duration_ms = 0;
		p->curl_error[0] = '\0';
		snprintf(p->error, sizeof(p->error), "not sent");
		if ((handles[i] = post_handle(p, &lists[i])) == NULL)
			continue;
		if ((mc = curl_multi_add_handle(wire.multi, handles[i])) != CURLM_OK) {
			snprintf(p->error, sizeof(p->error), "libcurl: %s",
			    curl_multi_strerror(mc));
			curl_easy_cleanup(handles[i]);
			handles[i] = NULL;
		}
	}
	(void)transfers_run();
	for (i = 0; i < n && i < WEBHOOK_BATCH; i++) {
		if (handles[i] != NULL) {
			curl_multi_remove_handle(wire.multi, handles[i]);
			curl_easy_cleanup(handles[i]);
		}
		curl_slist_free_all(lists[i]);
	}
}
