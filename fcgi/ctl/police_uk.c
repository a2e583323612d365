/* data.police.uk street-level CSV rows (ctl/police_uk.h): the header's
 * columns found by name, a row of ASB made into what the intake takes,
 * and each incident's month spread over the month as its time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "ctl/police_uk.h"
#include "domain/point_check.h"

/* The columns as data.police.uk names them; those marked needed must be
 * there (the rest are kept in the description when they are). */
static const struct {
	const char	*name;
	int		 needed;
} columns[PUK_COLS] = {
	[PUK_CRIME_ID] = { "Crime ID", 0 },
	[PUK_MONTH] = { "Month", 1 },
	[PUK_REPORTED_BY] = { "Reported by", 0 },
	[PUK_FALLS_WITHIN] = { "Falls within", 0 },
	[PUK_LONGITUDE] = { "Longitude", 1 },
	[PUK_LATITUDE] = { "Latitude", 1 },
	[PUK_LOCATION] = { "Location", 1 },
	[PUK_LSOA_CODE] = { "LSOA code", 0 },
	[PUK_LSOA_NAME] = { "LSOA name", 0 },
	[PUK_CRIME_TYPE] = { "Crime type", 1 },
	[PUK_OUTCOME] = { "Last outcome category", 0 },
	[PUK_CONTEXT] = { "Context", 0 },
};

/* The header row: each column found by its name. 0, or -1 with why (a
 * column missing or named twice) in why. */
int
police_uk_header_read(const char *const *fields, size_t n, struct police_uk_header *h,
    char *why, size_t len)
{
	size_t i;
	int c;

	for (c = 0; c < PUK_COLS; c++)
		h->col[c] = -1;
	h->nfields = n;
	for (i = 0; i < n; i++)
		for (c = 0; c < PUK_COLS; c++) {
			if (strcmp(fields[i], columns[c].name) != 0)
				continue;
			if (h->col[c] != -1) {
				snprintf(why, len, "the header names the column \"%s\" twice",
				    columns[c].name);
				return -1;
			}
			h->col[c] = (int)i;
		}
	for (c = 0; c < PUK_COLS; c++)
		if (columns[c].needed && h->col[c] == -1) {
			snprintf(why, len, "the header has no column \"%s\": the first line "
			    "must name the columns of a data.police.uk street-level CSV (Crime ID, "
			    "Month, Reported by, Falls within, Longitude, Latitude, Location, "
			    "LSOA code, LSOA name, Crime type, Last outcome category, Context)",
			    columns[c].name);
			return -1;
		}
	return 0;
}

/* A row's values by column. -1 when it has not as many fields as the
 * header (the row is refused). */
int
police_uk_row_read(const struct police_uk_header *h, const char *const *fields, size_t n,
    struct police_uk_row *r)
{
	int c;

	if (n != h->nfields)
		return -1;
	for (c = 0; c < PUK_COLS; c++)
		r->v[c] = h->col[c] == -1 ? "" : fields[h->col[c]];
	return 0;
}

int
police_uk_is_asb(const struct police_uk_row *r)
{
	return strcmp(r->v[PUK_CRIME_TYPE], POLICE_UK_ASB) == 0;
}

/* FNV-1a, 64 bits, of every value in column order, each ended by a unit
 * separator so that ("ab", "c") and ("a", "bc") differ. */
uint64_t
police_uk_row_hash(const struct police_uk_row *r)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const unsigned char *s;
	int c;

	for (c = 0; c < PUK_COLS; c++) {
		for (s = (const unsigned char *)r->v[c]; *s != '\0'; s++)
			h = (h ^ *s) * 0x100000001b3ULL;
		h = (h ^ 0x1f) * 0x100000001b3ULL;
	}
	return h;
}

/* Counts hash: *before is how many times it came before. 0, or -1 when
 * memory runs out. */
int
police_uk_repeat(struct police_uk_repeats *t, uint64_t hash, unsigned *before)
{
	struct police_uk_repeats grown;
	size_t i, j;

	if (2 * (t->n + 1) > t->cap) {
		grown.cap = t->cap ? 2 * t->cap : 1024;
		grown.n = 0;
		grown.hash = calloc(grown.cap, sizeof(*grown.hash));
		grown.count = calloc(grown.cap, sizeof(*grown.count));
		if (grown.hash == NULL || grown.count == NULL) {
			police_uk_repeats_free(&grown);
			return -1;
		}
		/* Count 0 marks an empty slot: every entry has 1 or more. */
		for (i = 0; i < t->cap; i++) {
			if (t->count[i] == 0)
				continue;
			for (j = t->hash[i] % grown.cap; grown.count[j] != 0; j = (j + 1) % grown.cap)
				;
			grown.hash[j] = t->hash[i];
			grown.count[j] = t->count[i];
			grown.n++;
		}
		police_uk_repeats_free(t);
		*t = grown;
	}
	for (i = hash % t->cap; t->count[i] != 0 && t->hash[i] != hash; i = (i + 1) % t->cap)
		;
	if (t->count[i] == 0) {
		t->hash[i] = hash;
		t->n++;
	}
	*before = t->count[i]++;
	return 0;
}

void
police_uk_repeats_free(struct police_uk_repeats *t)
{
	free(t->hash);
	free(t->count);
	memset(t, 0, sizeof(*t));
}

/* "YYYY-MM": 0 and the year and month, or -1. */
static int
month_read(const char *s, int *y, int *m)
{
	if (strlen(s) != 7 || s[4] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 2)
		return -1;
	*y = atoi(s);
	*m = atoi(s + 5);
	return *y >= DATE_YEAR_MIN && date_real(*y, *m, 1) ? 0 : -1;
}

/* The days in a month (28..31). */
static int
month_days(int y, int m)
{
	int d = 31;

	while (d > 28 && !date_real(y, m, d))
		d--;
	return d;
}

/* Appends s to out (of len bytes, used *n) as far as it fits, cut only
 * between UTF-8 characters: a description must stay valid UTF-8. */
static void
append(char *out, size_t len, size_t *n, const char *s)
{
	size_t k = strlen(s);

	if (k > len - 1 - *n) {
		k = len - 1 - *n;
		while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
	}
	memcpy(out + *n, s, k);
	*n += k;
	out[*n] = '\0';
}

/* What the incident's description says: what data.police.uk recorded. */
static void
describe(const struct police_uk_row *r, char *out, size_t len)
{
	static const struct {
		enum police_uk_col	 col;
		const char		*label;
	} parts[] = {
		{ PUK_REPORTED_BY, " Reported by: " },
		{ PUK_FALLS_WITHIN, " Falls within: " },
		{ PUK_LSOA_CODE, " LSOA: " },
		{ PUK_LSOA_NAME, " LSOA name: " },
		{ PUK_CRIME_ID, " Crime ID: " },
		{ PUK_OUTCOME, " Last outcome: " },
		{ PUK_CONTEXT, " Context: " },
	};
	size_t n = 0, i;

	*out = '\0';
	append(out, len, &n, "Imported from data.police.uk (");
	append(out, len, &n, r->v[PUK_MONTH]);
	append(out, len, &n, ").");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (*r->v[parts[i].col] == '\0')
			continue;
		append(out, len, &n, parts[i].label);
		append(out, len, &n, r->v[parts[i].col]);
		append(out, len, &n, ".");
	}
}

/* A row of ASB as the intake takes it; hash is police_uk_row_hash's and
 * repeat police_uk_repeat's. Its time: a minute of its month (London's
 * calendar) picked by the hash, so the same row always gets the same
 * one and the month's incidents spread over the month. PUK_OK, or why
 * the row is refused. */
enum police_uk_refusal
police_uk_incident_make(const struct police_uk_row *r, uint64_t hash, unsigned repeat,
    struct police_uk_incident *out)
{
	const char *lon = r->v[PUK_LONGITUDE], *lat = r->v[PUK_LATITUDE];
	const char *where = r->v[PUK_LOCATION];
	uint64_t h;
	int y, m, minute;

	memset(out, 0, sizeof(*out));
	if (month_read(r->v[PUK_MONTH], &y, &m) == -1)
		return PUK_BAD_MONTH;
	if (*lon != '\0' || *lat != '\0') {
		/* The one reading of a point as text (the form's, Open311's). */
		if (point_parse(lon, lat, &out->lon, &out->lat) != NULL)
			return PUK_BAD_COORDINATES;
		out->has_point = 1;
	}
	/* data.police.uk's word for none. */
	if (*where != '\0' && strcmp(where, "No Location") != 0)
		out->location = where;
	/* The nth of identical rows is another incident: another key, and
	 * (mixed by a multiplier that spreads the bits) another minute. */
	h = hash ^ (uint64_t)repeat * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 31;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 29;
	minute = (int)(h % (uint64_t)(month_days(y, m) * 24 * 60));
	snprintf(out->date, sizeof(out->date), "%04d-%02d-%02d", y, m, 1 + minute / 1440);
	snprintf(out->time, sizeof(out->time), "%02d:%02d", minute % 1440 / 60, minute % 60);
	snprintf(out->key, sizeof(out->key), "police-uk:%016llx", (unsigned long long)h);
	describe(r, out->description, sizeof(out->description));
	return PUK_OK;
}

/* In words, for the summary. */
const char *
police_uk_refusal_words(enum police_uk_refusal why)
{
	switch (why) {
	case PUK_WRONG_FIELDS:
		return "not as many fields as the header";
	case PUK_BAD_MONTH:
		return "bad month (not YYYY-MM)";
	case PUK_BAD_COORDINATES:
		return "bad coordinates: " POINT_WORDS;
	default:
		return "";
	}
}
