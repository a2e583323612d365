/* The evidence retention purge: rows past their retention date go (each
 * with an audit row, in the database), then the stored files no row names
 * any more, then uploads that never finished, then the unsent files of
 * drafts that have expired. A stored file that no row names yet may belong
 * to a report still being written: it is kept for EVIDENCE_GRACE_SECONDS
 * after it was linked into the store. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "core/log.h"
#include "domain/actor.h"
#include "domain/evidence_purge.h"
#include "domain/evidence_store.h"
#include "domain/tx.h"
#include "store/pg.h"
#include "store/redis.h"

#define BATCH		256
#define TMP_MAX_AGE	(24 * 60 * 60)	/* an upload takes minutes, not a day */

static const struct pg_stmt stmts[] = {
	{ "evidence_purge_expired", "SELECT evidence_purge_expired()" },
	{ "evidence_files_in_use", "SELECT evidence_files_in_use($1::text[])" },
};

const struct pg_stmts evidence_purge_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The purge acts as the system: no user, no agency. */
static const struct actor purge_actor;

/* Stored files waiting for the in-use check. */
struct batch {
	int	 dirfd[BATCH];	/* the ab/cd folder (owned by the walk, not the batch) */
	char	 sha[BATCH][65];
	size_t	 n;
};

static int
is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

/* Removes the files of the batch that no evidence row names. */
static int
batch_flush(struct pg *pg, struct batch *b, struct purge_result *out)
{
	char *array, *p;
	const char *param[1];
	PGresult *res;
	size_t i;
	int j, used;

	if (b->n == 0)
		return 0;
	/* "{sha,sha,...}": hex needs no quoting. */
	if ((array = malloc(b->n * 65 + 3)) == NULL)
		return -1;
	p = array;
	*p++ = '{';
	for (i = 0; i < b->n; i++) {
		memcpy(p, b->sha[i], 64);
		p += 64;
		*p++ = i + 1 < b->n ? ',' : '}';
	}
	*p = '\0';
	param[0] = array;
	/* The check answers only a transaction that says who is asking: the
	 * system (agency 0), which is told about every row. */
	if (tx_begin(pg, &purge_actor) == -1) {
		free(array);
		return -1;
	}
	res = pg_exec(pg, "evidence_files_in_use", 1, param);
	free(array);
	if (res == NULL) {
		pg_rollback(pg);
		return -1;
	}
	if (pg_commit(pg) == -1) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < b->n; i++) {
		for (used = 0, j = 0; !used && j < PQntuples(res); j++)
			used = strcmp(PQgetvalue(res, j, 0), b->sha[i]) == 0;
		if (used)
			continue;
		if (unlinkat(b->dirfd[i], b->sha[i], 0) == 0)
			out->files++;
		else if (errno != ENOENT)
			log_warn("evidence purge: unlink %.2s/%.2s/%s: %s", b->sha[i],
			    b->sha[i] + 2, b->sha[i], strerror(errno));
	}
	PQclear(res);
	b->n = 0;
	return 0;
}

/* Opens sub (a folder of dirfd) for reading; NULL when it is not one. */
static DIR *
subdir(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d;

	if (fd == -1)
		return NULL;
	if ((d = fdopendir(fd)) == NULL)
		close(fd);
	return d;
}

/* One ab/cd folder: its old files go into the batch. The batch is
 * flushed before the folder is closed, since it holds the folder's fd. */
static int
sweep_leaf(struct pg *pg, DIR *leaf, time_t before, struct batch *b,
    struct purge_result *out)
{
	struct dirent *e;
	struct stat st;
	int fd = dirfd(leaf);

	while ((e = readdir(leaf)) != NULL) {
		if (strlen(e->d_name) != 64 || !is_hex(e->d_name, 64))
			continue;
		if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
		    !S_ISREG(st.st_mode) || st.st_mtime >= before)
			continue;
		b->dirfd[b->n] = fd;
		memcpy(b->sha[b->n], e->d_name, 65);
		if (++b->n == BATCH && batch_flush(pg, b, out) == -1)
			return -1;
	}
	return batch_flush(pg, b, out);
}

/* Walks dir/ab/cd/<sha256>. */
static int
sweep_store(struct pg *pg, const char *dir, time_t before, struct purge_result *out)
{
	struct batch b;
	DIR *top, *mid, *leaf;
	struct dirent *e1, *e2;
	int rc = 0;

	b.n = 0;
	if ((top = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		log_error("evidence purge: %s: %s", dir, strerror(errno));
		return -1;
	}
	while (rc == 0 && (e1 = readdir(top)) != NULL) {
		if (strlen(e1->d_name) != 2 || !is_hex(e1->d_name, 2) ||
		    (mid = subdir(dirfd(top), e1->d_name)) == NULL)
			continue;
		while (rc == 0 && (e2 = readdir(mid)) != NULL) {
			if (strlen(e2->d_name) != 2 || !is_hex(e2->d_name, 2) ||
			    (leaf = subdir(dirfd(mid), e2->d_name)) == NULL)
				continue;
			rc = sweep_leaf(pg, leaf, before, &b, out);
			closedir(leaf);
		}
		closedir(mid);
	}
	closedir(top);
	return rc;
}

/* dir/tmp: uploads that never finished (the process died mid-upload). */
static void
sweep_tmp(const char *dir, time_t before, struct purge_result *out)
{
	char path[4096];
	struct dirent *e;
	struct stat st;
	DIR *d;

	if (snprintf(path, sizeof(path), "%s/tmp", dir) >= (int)sizeof(path) ||
	    (d = opendir(path)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "upload-", 7) != 0 ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
		    !S_ISREG(st.st_mode) || st.st_mtime >= before)
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) == 0)
			out->tmp++;
	}
	closedir(d);
}

/* 1 when the draft with this id is alive in Redis, 0 when it has expired,
 * -1 when Redis cannot say. */
static int
draft_alive(struct rd *rd, const char *id)
{
	char key[96];
	redisReply *reply;
	int rc;

	if (snprintf(key, sizeof(key), EVIDENCE_DRAFT_KEY, id) >= (int)sizeof(key))
		return -1;
	if ((reply = rd_command(rd, "EXISTS %s", key)) == NULL)
		return -1;
	rc = reply->type == REDIS_REPLY_INTEGER ? reply->integer > 0 : -1;
	freeReplyObject(reply);
	return rc;
}

/* Removes one expired draft's folder and the files in it. */
static void
draft_remove(int parent, const char *id, struct purge_result *out)
{
	struct dirent *e;
	DIR *d;

	if ((d = subdir(parent, id)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) != 64 || !is_hex(e->d_name, 64))
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) == 0)
			out->drafts++;
		else if (errno != ENOENT)
			log_warn("evidence purge: unlink drafts/%s/%s: %s", id, e->d_name,
			    strerror(errno));
	}
	closedir(d);
	if (unlinkat(parent, id, AT_REMOVEDIR) == -1 && errno != ENOENT &&
	    errno != ENOTEMPTY)
		log_warn("evidence purge: rmdir drafts/%s: %s", id, strerror(errno));
}

/* dir/drafts/<id>: the files of reports never sent, kept while their
 * draft lives (a sent report's files are in the store already). Nothing
 * goes while Redis cannot say which drafts live. */
static void
sweep_drafts(struct rd *rd, const char *dir, struct purge_result *out)
{
	char path[4096];
	struct dirent *e;
	DIR *d;
	int alive;

	if (snprintf(path, sizeof(path), "%s/drafts", dir) >= (int)sizeof(path) ||
	    (d = opendir(path)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) != EVIDENCE_DRAFT_ID_LEN ||
		    !is_hex(e->d_name, EVIDENCE_DRAFT_ID_LEN))
			continue;
		if ((alive = draft_alive(rd, e->d_name)) == -1) {
			log_warn("evidence purge: Redis cannot say which drafts live: "
			    "their files are kept (%s)", rd_error(rd));
			break;
		}
		if (!alive)
			draft_remove(dirfd(d), e->d_name, out);
	}
	closedir(d);
}

int
evidence_purge(struct pg *pg, struct rd *rd, const char *dir, long grace_seconds,
    struct purge_result *out)
{
	time_t now = time(NULL);
	PGresult *res;

	memset(out, 0, sizeof(*out));
	if ((res = pg_exec(pg, "evidence_purge_expired", 0, NULL)) == NULL) {
		log_error("evidence purge: %s", pg_error(pg));
		return -1;
	}
	out->rows = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (dir == NULL || *dir == '\0')
		return 0;
	if (sweep_store(pg, dir, now - grace_seconds, out) == -1) {
		log_error("evidence purge: %s", pg_error(pg));
		return -1;
	}
	sweep_tmp(dir, now - TMP_MAX_AGE, out);
	sweep_drafts(rd, dir, out);
	return 0;
}
