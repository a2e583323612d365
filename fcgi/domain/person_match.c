/* Person matching. Each fact a person is known by has one normal form, so
 * "Jo Smith" and "jo  smith", "07700 900123" and "+44 7700 900123" compare
 * equal; two people are scored on the facts both have; and the people
 * that may be the same as a new one are found through the normal-form
 * columns of migration 0023. It suggests and never merges: the look-up
 * runs in a READ ONLY transaction and nothing here writes a person.
 *
 * The weights (README "Person matching"), for a fact both people have:
 *   same name 30, same date of birth 25, same phone 35, same email 35,
 *   same postcode 15; a different date of birth takes 40 off (two people
 *   of one name and phone with different birthdays are most often a
 *   parent and child). Any other difference counts 0: people move, change
 *   numbers and addresses. The total, floored at 0, gives the level:
 *   strong from PM_STRONG_MIN, possible from PM_POSSIBLE_MIN, else none.
 *   So a name alone is possible (a name is not unique), and a name with a
 *   phone, email or date of birth and postcode is strong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/email.h"
#include "domain/actor.h"
#include "domain/person_match.h"
#include "domain/tx.h"
#include "store/pg.h"

static const int weight[PM_FIELDS] = {
	[PM_NAME] = 30, [PM_DOB] = 25, [PM_PHONE] = 35, [PM_EMAIL] = 35,
	[PM_POSTCODE] = 15,
};
#define PM_DOB_DIFFERS	(-40)

/* Up to this many rows sharing a fact are scored; the index finds them. */
#define PM_CANDIDATES	"200"

static const struct pg_stmt stmts[] = {
	/* Anyone sharing one fact that can reach a level on its own or with
	 * another (the postcode alone cannot, and is not an index look-up
	 * worth making), except people merged into another record (0031).
	 * Row security limits it to the people the actor may see; the raw
	 * facts come back to be scored by pm_score. */
	{ "person_match_find",
	  "SELECT id, coalesce(given_name, ''), coalesce(family_name, ''), "
	  "coalesce(to_char(date_of_birth, 'YYYY-MM-DD'), ''), coalesce(phone, ''), "
	  "coalesce(email, ''), coalesce(postcode, '') FROM person "
	  "WHERE id <> $5::bigint AND merged_into IS NULL "
	  "AND (name_key = nullif($1, '') "
	  "OR date_of_birth = nullif($2, '')::date OR phone_key = nullif($3, '') "
	  "OR email_key = nullif($4, '')) ORDER BY id DESC LIMIT " PM_CANDIDATES },
};

const struct pg_stmts person_match_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* What each Latin-1 letter U+00C0..U+00FF folds to ("" for the two signs,
 * which separate words). */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Words that say how someone is addressed, not who they are. */
static const char *const titles[] = {
	"mr", "mrs", "ms", "miss", "mx", "master", "dr", "prof", "professor",
	"sir", "dame", "lord", "lady", "rev", "revd", "fr",
};

/* The length of the UTF-8 sequence at s (1..4), or 0 when it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* Appends text to out (of len, at *at). -1 when it does not fit. */
static int
put(char *out, size_t len, size_t *at, const char *text, size_t n)
{
	if (*at + n >= len)
		return -1;
	memcpy(out + *at, text, n);
	*at += n;
	out[*at] = '\0';
	return 0;
}

/* Folds one part of a name into out as lower-case words separated by
 * spaces: ASCII and Latin-1 letters lose case and accents, apostrophes
 * vanish (O'Brien, O’Brien: obrien), other punctuation separates words,
 * other letters stay as they are. -1 on bad UTF-8 or no room. */
static int
name_fold(const char *in, char *out, size_t len, size_t *at)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n;
	char c;

	while (*s != '\0') {
		if ((n = utf8_len(s)) == 0)
			return -1;
		if (n == 1) {
			c = (char)*s;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (put(out, len, at, &c, 1) == -1)
					return -1;
			} else if (c != '\'' && put(out, len, at, " ", 1) == -1)
				return -1;
		} else if (n == 2 && s[0] == 0xc3 && s[1] >= 0x80) {
			const char *f = latin1[s[1] - 0x80];

			if (put(out, len, at, *f ? f : " ", *f ? strlen(f) : 1) == -1)
				return -1;
		} else if (n == 2 && s[0] == 0xc2) {
			/* U+0080..U+00BF: no-break space, marks and signs */
			if (put(out, len, at, " ", 1) == -1)
				return -1;
		} else if (n == 3 && s[0] == 0xe2 && s[1] == 0x80 &&
		    (s[2] == 0x98 || s[2] == 0x99)) {
			/* ‘ and ’: typed for an apostrophe */
		} else if (put(out, len, at, (const char *)s, n) == -1)
			return -1;
		s += n;
	}
	return put(out, len, at, " ", 1);
}

static int
is_title(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strlen(titles[i]) == n && memcmp(titles[i], w, n) == 0)
			return 1;
	return 0;
}

/* The normal form of a name, given and family names as one string of
 * words (see name_fold), title words left out, one space between words.
 * Returns 0, or -1 when nothing is left, the UTF-8 is bad or it does not
 * fit in out (of len bytes). */
int
pm_name_normal(const char *given, const char *family, char *out, size_t len)
{
	char folded[PM_NAME_MAX * 2];
	size_t at = 0, o = 0, n;
	const char *w;

	folded[0] = '\0';
	if (len == 0 ||
	    name_fold(given ? given : "", folded, sizeof(folded), &at) == -1 ||
	    name_fold(family ? family : "", folded, sizeof(folded), &at) == -1)
		return -1;
	out[0] = '\0';
	for (w = folded; *w != '\0'; w += n) {
		w += strspn(w, " ");
		if ((n = strcspn(w, " ")) == 0 || is_title(w, n))
			continue;
		if ((o > 0 && put(out, len, &o, " ", 1) == -1) ||
		    put(out, len, &o, w, n) == -1)
			return -1;
	}
	return o > 0 ? 0 : -1;
}

/* The normal form of a telephone number: E.164, so a UK number written
 * 07700 900123, +44 7700 900123, 0044 7700 900123 or +44 (0)7700 900123
 * is +447700900123. Spaces, hyphens, dots and brackets are ignored. An
 * international number outside the UK keeps its country code. Returns 0,
 * or -1 when it is not a telephone number or does not fit. */
int
pm_phone_normal(const char *in, char *out, size_t len)
{
	char d[32];
	const char *national;
	size_t n = 0, m;
	int plus = 0;

	for (; *in != '\0'; in++) {
		if (*in >= '0' && *in <= '9') {
			if (n + 1 >= sizeof(d))
				return -1;
			d[n++] = *in;
		} else if (*in == '+' && n == 0 && !plus)
			plus = 1;
		else if (strchr(" -.()", *in) == NULL)
			return -1;
	}
	d[n] = '\0';
	if (!plus && n > 2 && d[0] == '0' && d[1] == '0') {
		plus = 1;
		memmove(d, d + 2, n - 1);
		n -= 2;
	}
	if (plus && strncmp(d, "44", 2) == 0) {
		/* the "(0)" some write after the country code */
		national = d[2] == '0' ? d + 3 : d + 2;
	} else if (plus) {
		if (n < 8 || n > 15 || d[0] == '0')
			return -1;
		return snprintf(out, len, "+%s", d) >= (int)len ? -1 : 0;
	} else if (d[0] == '0')
		national = d + 1;
	else
		return -1;
	m = strlen(national);
	if (m < 9 || m > 10 || national[0] == '0')
		return -1;
	return snprintf(out, len, "+44%s", national) >= (int)len ? -1 : 0;
}

/* The normal form of a UK postcode: upper case, no spaces ("sw1a 1aa" is
 * SW1A1AA). Returns 0, or -1 when it is not shaped like a postcode (five
 * to seven letters and digits, starting with a letter, ending with a
 * digit and two letters) or does not fit. */
int
pm_postcode_normal(const char *in, char *out, size_t len)
{
	char p[PM_POSTCODE_MAX];
	size_t n = 0;
	char c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == ' ' || c == '\t')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ||
		    n + 1 >= sizeof(p))
			return -1;
		p[n++] = c;
	}
	p[n] = '\0';
	if (n < 5 || p[0] < 'A' || p[0] > 'Z' || p[n - 3] < '0' || p[n - 3] > '9' ||
	    p[n - 2] < 'A' || p[n - 1] < 'A')
		return -1;
	return snprintf(out, len, "%s", p) >= (int)len ? -1 : 0;
}

/* The normal form of a date of birth, YYYY-MM-DD. 0, or -1 when it is not
 * a real date (core/date.c) or does not fit. */
int
pm_dob_normal(const char *in, char *out, size_t len)
{
	struct date d;
	const char *end;

	if ((end = date_parse(in, &d)) == NULL || *end != '\0')
		return -1;
	return snprintf(out, len, "%04d-%02d-%02d", d.year, d.month, d.day) >=
	    (int)len ? -1 : 0;
}

/* An email address without the spaces typed around it, in the one normal
 * form core/email.c gives addresses. */
static int
email_key(const char *in, char *out, size_t len)
{
	char trimmed[EMAIL_MAX + 1];
	size_t n;

	in += strspn(in, " \t");
	n = strlen(in);
	while (n > 0 && (in[n - 1] == ' ' || in[n - 1] == '\t'))
		n--;
	if (n == 0 || n > EMAIL_MAX)
		return -1;
	memcpy(trimmed, in, n);
	trimmed[n] = '\0';
	return email_normal(trimmed, out, len);
}

static const char *
fact(const char *s)
{
	return s != NULL ? s : "";
}

/* Every normal form of f; "" for a fact missing or with no normal form. */
void
pm_keys_make(const struct person_facts *f, struct person_keys *k)
{
	memset(k, 0, sizeof(*k));
	if (pm_name_normal(f->given_name, f->family_name, k->name, sizeof(k->name)) == -1)
		k->name[0] = '\0';
	if (pm_dob_normal(fact(f->dob), k->dob, sizeof(k->dob)) == -1)
		k->dob[0] = '\0';
	if (pm_phone_normal(fact(f->phone), k->phone, sizeof(k->phone)) == -1)
		k->phone[0] = '\0';
	if (email_key(fact(f->email), k->email, sizeof(k->email)) == -1)
		k->email[0] = '\0';
	if (pm_postcode_normal(fact(f->postcode), k->postcode, sizeof(k->postcode)) == -1)
		k->postcode[0] = '\0';
}

/* The facts of a person row selected as id, given_name, family_name,
 * date of birth (YYYY-MM-DD), phone, email, postcode, each never NULL;
 * they point into res. */
void
pm_facts_row(const PGresult *res, int row, struct person_facts *f)
{
	f->given_name = PQgetvalue(res, row, 1);
	f->family_name = PQgetvalue(res, row, 2);
	f->dob = PQgetvalue(res, row, 3);
	f->phone = PQgetvalue(res, row, 4);
	f->email = PQgetvalue(res, row, 5);
	f->postcode = PQgetvalue(res, row, 6);
}

/* The level a score reaches. */
enum pm_level
pm_level_for(int score)
{
	if (score >= PM_STRONG_MIN)
		return PM_STRONG;
	return score >= PM_POSSIBLE_MIN ? PM_POSSIBLE : PM_NONE;
}

const char *
pm_level_name(enum pm_level l)
{
	switch (l) {
	case PM_STRONG:
		return "strong";
	case PM_POSSIBLE:
		return "possible";
	default:
		return "none";
	}
}

/* Compares a and b on each fact both have (see the weights above). */
void
pm_score(const struct person_keys *a, const struct person_keys *b, struct pm_score *s)
{
	static const char *const same[PM_FIELDS] = {
		"Same name", "Same date of birth", "Same phone number",
		"Same email address", "Same postcode",
	};
	static const char *const other[PM_FIELDS] = {
		"Different name", "Different date of birth", "Different phone number",
		"Different email address", "Different postcode",
	};
	const char *fa[PM_FIELDS] = { a->name, a->dob, a->phone, a->email, a->postcode };
	const char *fb[PM_FIELDS] = { b->name, b->dob, b->phone, b->email, b->postcode };
	int f;

	memset(s, 0, sizeof(*s));
	for (f = 0; f < PM_FIELDS; f++) {
		if (fa[f][0] == '\0' || fb[f][0] == '\0')
			continue;
		if (strcmp(fa[f], fb[f]) == 0) {
			s->agree |= 1u << f;
			s->score += weight[f];
			s->reasons[s->nreasons++] = same[f];
		} else {
			s->differ |= 1u << f;
			if (f == PM_DOB)
				s->score += PM_DOB_DIFFERS;
			s->reasons[s->nreasons++] = other[f];
		}
	}
	if (s->score < 0)
		s->score = 0;
	s->level = pm_level_for(s->score);
}

/* Best first; the newer person first between equals. */
static int
suggestion_order(const void *x, const void *y)
{
	const struct pm_suggestion *a = x, *b = y;

	if (a->score.score != b->score.score)
		return b->score.score - a->score.score;
	return (a->person_id < b->person_id) - (a->person_id > b->person_id);
}

/* The people the actor may see who may be the same as the person with
 * keys k (never exclude_id, e.g. that person's own row), best first, at
 * most PM_SUGGEST_MAX, each possible or strong; in the caller's
 * transaction, whose actor row security already knows. 0, or -1 on a
 * database error. */
int
pm_suggest_tx(struct pg *pg, struct arena *ar, const struct person_keys *k,
    long long exclude_id, struct pm_suggestion **out, size_t *n)
{
	struct pm_suggestion *list;
	struct person_keys rk;
	struct person_facts rf;
	char exclude[24];
	const char *p[5] = { k->name, k->dob, k->phone, k->email, exclude };
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	if (k->name[0] == '\0' && k->dob[0] == '\0' && k->phone[0] == '\0' &&
	    k->email[0] == '\0')
		return 0;
	snprintf(exclude, sizeof(exclude), "%lld", exclude_id);
	if ((res = pg_exec(pg, "person_match_find", 5, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((list = arena_calloc(ar, (size_t)rows + 1, sizeof(*list))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		pm_facts_row(res, i, &rf);
		pm_keys_make(&rf, &rk);
		pm_score(k, &rk, &list[*n].score);
		if (list[*n].score.level == PM_NONE)
			continue;
		list[*n].person_id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		list[*n].given_name = arena_strdup(ar, rf.given_name);
		list[*n].family_name = arena_strdup(ar, rf.family_name);
		if (list[*n].given_name == NULL || list[*n].family_name == NULL) {
			PQclear(res);
			return -1;
		}
		(*n)++;
	}
	PQclear(res);
	qsort(list, *n, sizeof(*list), suggestion_order);
	if (*n > PM_SUGGEST_MAX)
		*n = PM_SUGGEST_MAX;
	*out = list;
	return 0;
}

/* pm_suggest_tx for the person described by f, in a transaction of its
 * own that is READ ONLY, so that a suggestion can never become a change.
 * 0, or -1 on a database error. */
int
pm_suggest(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct person_facts *f, long long exclude_id,
    struct pm_suggestion **out, size_t *n)
{
	struct person_keys k;
	int rc;

	*out = NULL;
	*n = 0;
	pm_keys_make(f, &k);
	if (pg_begin(pg) == -1)
		return -1;
	if (pg_simple(pg, "SET TRANSACTION READ ONLY") == -1 || tx_actor(pg, a) == -1) {
		pg_rollback(pg);
		return -1;
	}
	rc = pm_suggest_tx(pg, ar, &k, exclude_id, out, n);
	pg_rollback(pg);
	return rc;
}
