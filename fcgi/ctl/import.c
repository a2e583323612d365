/* concordctl import police-uk [--as EMAIL | --agency CODE] [--type CODE]
 * [--json] FILE...: a force's history from data.police.uk street-level
 * CSVs, each row of anti-social behaviour a report taken by the one
 * intake (domain/intake.c, channel INTAKE_IMPORT) with its checks, flags,
 * duplicate joining, allocation and audit; the other crime types are
 * counted and skipped. All of it or nothing: every file is read and
 * checked as CSV first, then the whole import runs in one transaction
 * (store/pg.h pg_outer_begin: each intake's own transaction a savepoint
 * in it), so a file or database error leaves nothing of it, while a row
 * the intake refuses is reported and skipped. Imported again, a row is
 * the report made the first time (its idempotency key). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/csv.h"
#include "ctl/ctl.h"
#include "ctl/police_uk.h"
#include "domain/actor.h"
#include "domain/intake.h"
#include "domain/statements.h"
#include "store/pg.h"

#define IMPORT_FILE_MAX		(512L * 1024 * 1024)
#define IMPORT_REASONS_MAX	32
#define IMPORT_TYPE_DEFAULT	"nuisance-gatherings"
#define PROGRESS_MS		250.0	/* a terminal's line, at most 4 times a second */

static const struct pg_stmt stmts[] = {
	/* The agency an import acts for (agency has no row security). */
	{ "import_agency",
	  "SELECT id, core_partner AND active FROM agency WHERE code = $1" },
	{ "import_type", "SELECT 1 FROM asb_type WHERE code = $1 AND active" },
};

static const struct pg_stmts import_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

struct import_file {
	const char	*path;
	char		*data;
	size_t		 len;
	size_t		 rows;		/* after the header */
};

/* Why rows were refused, with how many and the first of them. */
struct reason {
	char	 words[512];
	size_t	 n;
	char	 first[300];	/* FILE:LINE */
};

struct tally {
	size_t		 rows, asb, other, created, joined, already, refused;
	struct reason	 reasons[IMPORT_REASONS_MAX];
	size_t		 nreasons;
	double		 started_ms, shown_ms;
	size_t		 total;		/* rows in every file, for the time left */
	int		 progress;	/* stderr is a terminal */
};

static int
import_usage(void)
{
	fprintf(stderr, "usage: concordctl import police-uk (--as EMAIL | --agency CODE) "
	    "[--type CODE] [--json] FILE...\n");
	return 2;
}

/* ------------------------------------------------------------------ */
/* The files, read and checked before anything is written              */

/* Reads a file whole. 0, or -1 after saying why. */
static int
file_read(struct import_file *f)
{
	FILE *fp;
	long n = 0;

	if ((fp = fopen(f->path, "rb")) == NULL) {
		fprintf(stderr, "concordctl: import: %s: %s\n", f->path, strerror(errno));
		return -1;
	}
	if (fseek(fp, 0, SEEK_END) == -1 || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) == -1 ||
	    n > IMPORT_FILE_MAX || (f->data = malloc((size_t)n + 1)) == NULL ||
	    fread(f->data, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "concordctl: import: %s: %s\n", f->path, n > IMPORT_FILE_MAX ?
		    "larger than 512 MiB" : ferror(fp) ? strerror(errno) : "cannot be read");
		fclose(fp);
		return -1;
	}
	fclose(fp);
	f->len = (size_t)n;
	f->data[n] = '\0';
	return 0;
}

/* Opens a file's CSV at its header, which must name the columns. 0, or
 * -1 after saying why. */
static int
file_open(const struct import_file *f, struct csv *c, struct police_uk_header *h)
{
	char why[512];
	int rc;

	csv_init(c, f->data, f->len);
	if ((rc = csv_next(c)) != 1) {
		fprintf(stderr, "concordctl: import: %s: %s\n", f->path, rc == 0 ?
		    "empty: there is no header" : c->error);
		return -1;
	}
	if (police_uk_header_read(c->field, c->nfields, h, why, sizeof(why)) == -1) {
		fprintf(stderr, "concordctl: import: %s: line 1: %s\n", f->path, why);
		return -1;
	}
	return 0;
}

/* The whole file as CSV, so that a malformed one is found before
 * anything is written. 0 and its rows counted, or -1 after saying why. */
static int
file_check(struct import_file *f)
{
	struct police_uk_header h;
	struct csv c;
	int rc;

	if (file_read(f) == -1)
		return -1;
	if (file_open(f, &c, &h) == -1) {
		csv_free(&c);
		return -1;
	}
	while ((rc = csv_next(&c)) == 1)
		f->rows++;
	if (rc == -1)
		fprintf(stderr, "concordctl: import: %s: line %zu: %s\n", f->path,
		    c.error_line, c.error);
	csv_free(&c);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Progress and the summary                                            */

static void
progress_show(struct tally *t, int last)
{
	double now = clock_ms(), secs = (now - t->started_ms) / 1000.0;
	double rate = secs > 0 ? (double)t->rows / secs : 0;

	if (!t->progress || (!last && now - t->shown_ms < PROGRESS_MS))
		return;
	t->shown_ms = now;
	if (last) {
		fprintf(stderr, "\r\033[K");
		return;
	}
	fprintf(stderr, "\r\033[K%zu of %zu rows, %.0f rows/s, ", t->rows, t->total, rate);
	if (rate > 0)
		fprintf(stderr, "%.0f s left", (double)(t->total - t->rows) / rate);
	else
		fprintf(stderr, "time left not known yet");
}

/* Counts a refused row under its reason. */
static void
refuse(struct tally *t, const char *words, const char *path, size_t line)
{
	size_t i;

	t->refused++;
	for (i = 0; i < t->nreasons; i++)
		if (strcmp(t->reasons[i].words, words) == 0)
			break;
	if (i == t->nreasons) {
		if (t->nreasons == IMPORT_REASONS_MAX)
			i = t->nreasons - 1;	/* the last counts the rest */
		else {
			t->nreasons++;
			snprintf(t->reasons[i].words, sizeof(t->reasons[i].words), "%s",
			    i == IMPORT_REASONS_MAX - 1 ? "other reasons" : words);
			snprintf(t->reasons[i].first, sizeof(t->reasons[i].first), "%s:%zu",
			    path, line);
		}
	}
	t->reasons[i].n++;
}

/* The seconds the whole command took (from began), and the rows (and
 * the rows of ASB, *asb) a second of the import itself. */
static double
rate(const struct tally *t, double began, double *secs, double *asb)
{
	double now = clock_ms(), run = (now - t->started_ms) / 1000.0;

	*secs = (now - began) / 1000.0;
	*asb = run > 0 ? (double)t->asb / run : 0.0;
	return run > 0 ? (double)t->rows / run : 0.0;
}

static void
summary_text(const struct tally *t, size_t nfiles, double began)
{
	double secs, asb, per = rate(t, began, &secs, &asb);
	size_t i;

	printf("police-uk import: %zu file%s, %zu rows in %.1f s (%.0f rows/s, "
	    "%.0f of them ASB)\n", nfiles, nfiles == 1 ? "" : "s", t->rows, secs, per, asb);
	printf("  anti-social behaviour rows: %zu (%zu rows of other crime types skipped)\n",
	    t->asb, t->other);
	printf("  incidents created:          %zu\n", t->created);
	printf("  joined as duplicates:       %zu\n", t->joined);
	printf("  imported before:            %zu\n", t->already);
	printf("  refused:                    %zu\n", t->refused);
	for (i = 0; i < t->nreasons; i++)
		printf("    %zu  %s (first: %s)\n", t->reasons[i].n, t->reasons[i].words,
		    t->reasons[i].first);
}

static void
summary_json(const struct tally *t, size_t nfiles, double began)
{
	struct json_object *o = json_object_new_object(), *rs = json_object_new_array(), *r;
	double secs, asb, per = rate(t, began, &secs, &asb);
	size_t i;

	json_object_object_add(o, "files", json_object_new_int64((int64_t)nfiles));
	json_object_object_add(o, "rows", json_object_new_int64((int64_t)t->rows));
	json_object_object_add(o, "asb_rows", json_object_new_int64((int64_t)t->asb));
	json_object_object_add(o, "other_rows", json_object_new_int64((int64_t)t->other));
	json_object_object_add(o, "created", json_object_new_int64((int64_t)t->created));
	json_object_object_add(o, "joined", json_object_new_int64((int64_t)t->joined));
	json_object_object_add(o, "imported_before", json_object_new_int64((int64_t)t->already));
	json_object_object_add(o, "refused", json_object_new_int64((int64_t)t->refused));
	for (i = 0; i < t->nreasons; i++) {
		r = json_object_new_object();
		json_object_object_add(r, "reason", json_object_new_string(t->reasons[i].words));
		json_object_object_add(r, "rows", json_object_new_int64((int64_t)t->reasons[i].n));
		json_object_object_add(r, "first", json_object_new_string(t->reasons[i].first));
		json_object_array_add(rs, r);
	}
	json_object_object_add(o, "refusals", rs);
	json_object_object_add(o, "seconds", json_object_new_double(secs));
	json_object_object_add(o, "rows_per_second", json_object_new_double(per));
	json_object_object_add(o, "asb_rows_per_second", json_object_new_double(asb));
	printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

/* ------------------------------------------------------------------ */
/* The rows, through the intake                                        */

struct import {
	struct pg		*pg;
	const struct config	*cfg;
	struct actor		 actor;
	const char		*type;
	struct intake_result	*res;
	struct tally		 t;
};

/* One row of ASB through the intake. 0 (taken or refused), or -1 when
 * the database failed (said why): the import stops and keeps nothing. */
static int
row_take(struct import *im, const struct police_uk_row *row, uint64_t hash,
    unsigned repeat, const char *path, size_t line)
{
	struct police_uk_incident inc;
	struct intake_submission sub;
	struct report_input *r = &sub.report;
	enum police_uk_refusal why;
	char words[512];

	if ((why = police_uk_incident_make(row, hash, repeat, &inc)) != PUK_OK) {
		refuse(&im->t, police_uk_refusal_words(why), path, line);
		return 0;
	}
	memset(&sub, 0, sizeof(sub));
	sub.channel = INTAKE_IMPORT;
	sub.occurred_date = inc.date;
	sub.occurred_time = inc.time;
	r->type_code = im->type;
	r->description = inc.description;
	r->has_point = inc.has_point;
	r->lon = inc.lon;
	r->lat = inc.lat;
	r->address = inc.location;
	r->idempotency_key = inc.key;
	/* A published record names nobody and answered no questions. */
	r->anonymous = 1;
	r->preferred_contact = "none";
	r->feels_unsafe = r->vulnerable = r->targeted = r->happened_before = -1;
	r->happening_now = -1;
	r->share_consent = -1;
	r->affected_tenant = r->responsible_tenant = r->involves_tenants = -1;
	r->public_url = im->cfg->public_url;
	switch (intake_submit(im->pg, NULL, im->cfg, &im->actor, &sub, im->res)) {
	case INTAKE_OK:
		if (im->res->report.resubmitted)
			im->t.already++;
		else if (im->res->report.linked)
			im->t.joined++;
		else
			im->t.created++;
		return 0;
	case INTAKE_INVALID:
		/* Grouped by the intake's first word on it: the field and why. */
		snprintf(words, sizeof(words), "%s: %s", im->res->nerrors ?
		    im->res->errors[0].field : "row", im->res->nerrors ?
		    im->res->errors[0].message : "refused");
		refuse(&im->t, words, path, line);
		return 0;
	default:
		fprintf(stderr, "%sconcordctl: import: %s: line %zu: the database failed: %s\n",
		    im->t.progress ? "\r\033[K" : "", path, line, pg_error(im->pg));
		return -1;
	}
}

/* Every row of a file (checked already). 0, or -1 on a database error or
 * when memory runs out (said why). */
static int
file_import(struct import *im, const struct import_file *f)
{
	struct police_uk_repeats seen = { 0 };
	struct police_uk_header h;
	struct police_uk_row row;
	struct csv c;
	uint64_t hash;
	unsigned repeat;
	int rc = 0;

	if (file_open(f, &c, &h) == -1) {
		csv_free(&c);
		return -1;
	}
	while (rc == 0 && csv_next(&c) == 1) {
		im->t.rows++;
		if (police_uk_row_read(&h, c.field, c.nfields, &row) == -1) {
			refuse(&im->t, police_uk_refusal_words(PUK_WRONG_FIELDS), f->path,
			    c.row_line);
			continue;
		}
		if (!police_uk_is_asb(&row)) {
			im->t.other++;
			continue;
		}
		im->t.asb++;
		hash = police_uk_row_hash(&row);
		if (police_uk_repeat(&seen, hash, &repeat) == -1) {
			fprintf(stderr, "concordctl: import: out of memory\n");
			rc = -1;
			break;
		}
		rc = row_take(im, &row, hash, repeat, f->path, c.row_line);
		progress_show(&im->t, 0);
	}
	police_uk_repeats_free(&seen);
	csv_free(&c);
	return rc;
}

/* The actor: a member of staff, or an agency acting with no user; either
 * way an active core partner's (the force whose records these are).
 * 0, or -1 after saying why. */
static int
actor_find(struct pg *pg, const char *email, const char *agency, struct actor *a)
{
	const char *p[1] = { agency };
	PGresult *res;
	int found;

	if (email != NULL) {
		if (ctl_actor_by_email(pg, "import", email, a) == -1)
			return -1;
		if (a->core_partner)
			return 0;
		fprintf(stderr, "concordctl: import: %s is not in a core partner agency: "
		    "history is imported as the force (or council) whose records it is\n", email);
		return -1;
	}
	memset(a, 0, sizeof(*a));
	if ((res = pg_exec(pg, "import_agency", 1, p)) == NULL) {
		fprintf(stderr, "concordctl: import: %s\n", pg_error(pg));
		return -1;
	}
	if ((found = PQntuples(res) == 1 && *PQgetvalue(res, 0, 1) == 't')) {
		a->agency_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		a->core_partner = 1;
	}
	PQclear(res);
	if (!found)
		fprintf(stderr, "concordctl: import: no active core partner agency has the "
		    "code \"%s\"\n", agency);
	return found ? 0 : -1;
}

/* The type every row is recorded as (data.police.uk does not say which
 * kind of ASB it was). 0, or -1 after saying why. */
static int
type_check(struct pg *pg, const char *code)
{
	const char *p[1] = { code };
	PGresult *res;
	int found;

	if ((res = pg_exec(pg, "import_type", 1, p)) == NULL) {
		fprintf(stderr, "concordctl: import: %s\n", pg_error(pg));
		return -1;
	}
	if (!(found = PQntuples(res) == 1))
		fprintf(stderr, "concordctl: import: there is no active ASB type with the "
		    "code \"%s\" (--type)\n", code);
	PQclear(res);
	return found ? 0 : -1;
}

/* Every file, in one transaction. 0 committed, or -1 (said why) with
 * nothing kept. */
static int
import_all(struct import *im, struct import_file *files, size_t n)
{
	size_t i;
	int rc = 0;

	if (pg_outer_begin(im->pg) == -1) {
		fprintf(stderr, "concordctl: import: %s\n", pg_error(im->pg));
		return -1;
	}
	im->t.started_ms = clock_ms();
	for (i = 0; i < n && rc == 0; i++)
		rc = file_import(im, &files[i]);
	progress_show(&im->t, 1);
	if (pg_outer_end(im->pg, rc == 0) == 0)
		return 0;
	if (rc == 0)
		fprintf(stderr, "concordctl: import: could not commit: %s\n", pg_error(im->pg));
	fprintf(stderr, "concordctl: import: nothing was imported\n");
	return -1;
}

/* concordctl import police-uk ...: 0 imported (refused rows are in the
 * summary), 1 failed with nothing imported, 2 usage. */
int
ctl_import(const struct config *cfg, int argc, char *argv[])
{
	const struct pg_stmts **sets = NULL;	/* pg keeps it: freed after pg_close */
	struct import_file *files = NULL;
	const char *email = NULL, *agency = NULL;
	struct import im;
	double began = clock_ms();
	size_t nfiles = 0, i;
	int a, json = 0, status = 1;

	memset(&im, 0, sizeof(im));
	im.cfg = cfg;
	im.type = IMPORT_TYPE_DEFAULT;
	if (argc < 2 || strcmp(argv[1], "police-uk") != 0)
		return import_usage();
	for (a = 2; a < argc && strncmp(argv[a], "--", 2) == 0; a++) {
		if (strcmp(argv[a], "--json") == 0)
			json = 1;
		else if (a + 1 == argc)
			return import_usage();
		else if (strcmp(argv[a], "--as") == 0)
			email = argv[++a];
		else if (strcmp(argv[a], "--agency") == 0)
			agency = argv[++a];
		else if (strcmp(argv[a], "--type") == 0)
			im.type = argv[++a];
		else
			return import_usage();
	}
	if ((email == NULL) == (agency == NULL) || a >= argc)
		return import_usage();
	nfiles = (size_t)(argc - a);
	if ((files = calloc(nfiles, sizeof(*files))) == NULL)
		return 1;
	for (i = 0; i < nfiles; i++) {
		files[i].path = argv[a + (int)i];
		if (file_check(&files[i]) == -1) {
			fprintf(stderr, "concordctl: import: nothing was imported\n");
			goto out;
		}
		im.t.total += files[i].rows;
	}
	if ((im.res = malloc(sizeof(*im.res))) == NULL ||
	    (sets = calloc(domain_statements_n + 1, sizeof(*sets))) == NULL)
		goto out;
	memcpy(sets, domain_statements, sizeof(*sets) * domain_statements_n);
	sets[domain_statements_n] = &import_statements;
	if ((im.pg = pg_open(cfg->db, sets, domain_statements_n + 1)) == NULL ||
	    pg_ensure(im.pg) == -1) {
		fprintf(stderr, "concordctl: import: cannot connect to the database%s%s\n",
		    im.pg ? ": " : "", im.pg ? pg_error(im.pg) : "");
		goto out;
	}
	if (actor_find(im.pg, email, agency, &im.actor) == -1 || type_check(im.pg, im.type) == -1)
		goto out;
	im.t.progress = isatty(STDERR_FILENO);
	if (import_all(&im, files, nfiles) == -1)
		goto out;
	if (json)
		summary_json(&im.t, nfiles, began);
	else
		summary_text(&im.t, nfiles, began);
	status = 0;
out:
	if (im.pg != NULL)
		pg_close(im.pg);
	free(sets);
	free(im.res);
	for (i = 0; files != NULL && i < nfiles; i++)
		free(files[i].data);
	free(files);
	return status;
}
