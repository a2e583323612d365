/* Migration files: sql/migrations/NNNN_name.sql, applied in order of NNNN,
 * each once. A file that was applied must never change or go away: the
 * database would no longer be what the files describe. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hex.h"
#include "ctl/ctl.h"

/* Splits "0007_incident_notes.sql" into 7 and "incident_notes". Returns -1
 * when the name is not four digits (not all zero), '_', [a-z0-9_]+, ".sql". */
int
migration_name_parse(const char *fname, int *version, char *name, size_t namelen)
{
	size_t len = strlen(fname), n;
	int i, v = 0;

	if (len < 10 || strcmp(fname + len - 4, ".sql") != 0 || fname[4] != '_')
		return -1;
	for (i = 0; i < 4; i++) {
		if (fname[i] < '0' || fname[i] > '9')
			return -1;
		v = v * 10 + (fname[i] - '0');
	}
	n = len - 9;
	if (v == 0 || n >= namelen || strspn(fname + 5,
	    "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
		return -1;
	memcpy(name, fname + 5, n);
	name[n] = '\0';
	*version = v;
	return 0;
}

/* The SHA-256 of text as 64 hex digits. Returns 0, or -1 when OpenSSL fails. */
int
migration_checksum(const char *text, size_t len, char hex[65])
{
	return sha256_hex(text, len, hex);
}

/* Reads a migration's file into m->text and checksums it.
 * Returns -1 with err set. */
static int
migration_load(struct migration *m, char *err, size_t errlen)
{
	FILE *f;
	long size;

	if ((f = fopen(m->file, "rb")) == NULL) {
		snprintf(err, errlen, "%s: %s", m->file, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) == -1 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) == -1) {
		snprintf(err, errlen, "%s: %s", m->file, strerror(errno));
		goto err;
	}
	if (size > MIGRATION_SIZE_MAX) {
		snprintf(err, errlen, "%s: larger than %d bytes", m->file,
		    MIGRATION_SIZE_MAX);
		goto err;
	}
	if ((m->text = malloc((size_t)size + 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	m->len = fread(m->text, 1, (size_t)size, f);
	if (ferror(f) || m->len != (size_t)size) {
		snprintf(err, errlen, "%s: read error", m->file);
		goto err;
	}
	m->text[m->len] = '\0';
	if (memchr(m->text, '\0', m->len) != NULL) {
		snprintf(err, errlen, "%s: contains a NUL byte", m->file);
		goto err;
	}
	if (migration_checksum(m->text, m->len, m->checksum) == -1) {
		snprintf(err, errlen, "%s: SHA-256 failed", m->file);
		goto err;
	}
	fclose(f);
	return 0;
err:
	fclose(f);
	return -1;
}

/* qsort and bsearch order: by version. */
static int
migration_cmp(const void *a, const void *b)
{
	const struct migration *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/* Lists, reads and checksums every migration in dir, in version order.
 * Hidden files are skipped; any other name that is not NNNN_name.sql, and
 * two files with one number, are errors. Returns -1 with err set. */
int
migrations_read(const char *dir, struct migration **out, size_t *nout,
    char *err, size_t errlen)
{
	struct migration *list = NULL, *m, *grown;
	struct dirent *de;
	DIR *d;
	size_t n = 0, cap = 0, i;

	*out = NULL;
	*nout = 0;
	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((grown = realloc(list, cap * sizeof(*list))) == NULL) {
				snprintf(err, errlen, "out of memory");
				goto err;
			}
			list = grown;
		}
		m = &list[n];
		memset(m, 0, sizeof(*m));
		if (migration_name_parse(de->d_name, &m->version, m->name,
		    sizeof(m->name)) == -1) {
			snprintf(err, errlen, "%s/%s: not a migration name "
			    "(want NNNN_name.sql, name in [a-z0-9_])", dir, de->d_name);
			goto err;
		}
		if ((size_t)snprintf(m->file, sizeof(m->file), "%s/%s", dir,
		    de->d_name) >= sizeof(m->file)) {
			snprintf(err, errlen, "%s/%s: path too long", dir, de->d_name);
			goto err;
		}
		n++;
		if (migration_load(m, err, errlen) == -1)
			goto err;
	}
	if (errno != 0) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		goto err;
	}
	closedir(d);
	if (n > 0)
		qsort(list, n, sizeof(*list), migration_cmp);
	for (i = 1; i < n; i++)
		if (list[i].version == list[i - 1].version) {
			snprintf(err, errlen, "%s and %s have the same number",
			    list[i - 1].file, list[i].file);
			migrations_free(list, n);
			return -1;
		}
	*out = list;
	*nout = n;
	return 0;
err:
	closedir(d);
	migrations_free(list, n);
	return -1;
}

/* Frees what migrations_read returned (NULL is fine). */
void
migrations_free(struct migration *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i].text);
	free(list);
}

/* The file with the given version, or NULL. */
static const struct migration *
migration_find(const struct migration *files, size_t n, int version)
{
	struct migration key;

	key.version = version;
	return bsearch(&key, files, n, sizeof(*files), migration_cmp);
}

/* Compares the files with the rows of schema_migrations (both in version
 * order): every applied migration must still have its file, unchanged and
 * under its name, and no new file may sit below the applied version.
 * Sets *first_pending to the index of the first file still to apply.
 * Returns -1 with the first problem, naming the file, in err. */
int
migrations_check(const struct migration *files, size_t nfiles,
    const struct applied *rows, size_t nrows, size_t *first_pending,
    char *err, size_t errlen)
{
	const struct migration *f;
	int top = nrows > 0 ? rows[nrows - 1].version : 0;
	size_t i, r;

	for (r = 0; r < nrows; r++) {
		if ((f = migration_find(files, nfiles, rows[r].version)) == NULL) {
			snprintf(err, errlen, "migration %04d_%s.sql was applied but "
			    "its file is missing", rows[r].version, rows[r].name);
			return -1;
		}
		if (strcmp(f->name, rows[r].name) != 0) {
			snprintf(err, errlen, "%s: applied as %04d_%s.sql, since renamed",
			    f->file, rows[r].version, rows[r].name);
			return -1;
		}
		if (strcmp(f->checksum, rows[r].checksum) != 0) {
			snprintf(err, errlen, "%s has changed since it was applied "
			    "(SHA-256 %.12s..., applied %.12s...): add a new migration "
			    "instead", f->file, f->checksum, rows[r].checksum);
			return -1;
		}
	}
	for (i = 0, r = 0; i < nfiles && files[i].version <= top; i++) {
		while (r < nrows && rows[r].version < files[i].version)
			r++;
		if (r == nrows || rows[r].version != files[i].version) {
			snprintf(err, errlen, "%s was never applied but is older than "
			    "the applied version %d: renumber it above %d",
			    files[i].file, top, top);
			return -1;
		}
	}
	*first_pending = i;
	return 0;
}
