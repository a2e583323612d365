/* The counting behind a case's Patterns tab, with no database: its
 * incidents by time band (day of week by hour, for the heat map and its
 * table) and the subjects who were together on more than one incident.
 * Sets of subjects are ascending arrays of person ids. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case_pattern.h"

/* ------------------------------------------------------------------ */
/* Time bands                                                          */

int
pattern_band_add(struct pattern_bands *b, int isodow, int hour)
{
	if (isodow < 1 || isodow > PATTERN_DAYS || hour < 0 || hour >= PATTERN_HOURS)
		return -1;
	b->count[isodow - 1][hour]++;
	b->day_total[isodow - 1]++;
	b->hour_total[hour]++;
	b->total++;
	if (b->count[isodow - 1][hour] > b->max)
		b->max = b->count[isodow - 1][hour];
	return 0;
}

int
pattern_shade(const struct pattern_bands *b, int count)
{
	int s;

	if (count <= 0 || b->max <= 0)
		return 0;
	/* ceil(4 count / max), so the busiest band is always the darkest. */
	s = ((PATTERN_SHADES - 1) * count + b->max - 1) / b->max;
	return s > PATTERN_SHADES - 1 ? PATTERN_SHADES - 1 : s;
}

int
pattern_shade_range(const struct pattern_bands *b, int shade, int *lo, int *hi)
{
	const int q = PATTERN_SHADES - 1;

	if (shade < 1 || shade > q || b->max <= 0)
		return -1;
	/* The counts c with ceil(q c / max) == shade. */
	*lo = (shade - 1) * b->max / q + 1;
	*hi = shade * b->max / q;
	return *lo <= *hi ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Subjects together                                                   */

static int
id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* A sorted copy of ids without repeats; *n becomes its length. */
static long long *
id_set(struct arena *ar, const long long *ids, size_t *n)
{
	long long *s;
	size_t i, k = 0;

	if (*n == 0)
		return NULL;
	if ((s = arena_alloc(ar, *n * sizeof(*s))) == NULL)
		return NULL;
	memcpy(s, ids, *n * sizeof(*s));
	qsort(s, *n, sizeof(*s), id_cmp);
	for (i = 0; i < *n; i++)
		if (k == 0 || s[k - 1] != s[i])
			s[k++] = s[i];
	*n = k;
	return s;
}

/* The ids in both a and b, into out (room for the smaller); its length. */
static size_t
id_both(const long long *a, size_t na, const long long *b, size_t nb, long long *out)
{
	size_t i = 0, j = 0, k = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else {
			out[k++] = a[i];
			i++;
			j++;
		}
	}
	return k;
}

/* Whether every id of small is in big. */
static int
id_within(const long long *small, size_t ns, const long long *big, size_t nb)
{
	size_t i = 0, j = 0;

	while (i < ns && j < nb) {
		if (small[i] == big[j]) {
			i++;
			j++;
		} else if (small[i] > big[j])
			j++;
		else
			return 0;
	}
	return i == ns;
}

/* One incident's subjects, as a set. */
struct subject_set {
	long long	 incident;
	long long	*ids;
	size_t		 n;
};

/* A pair of subjects on one incident, for sorting into runs. */
struct pair_on {
	long long	a, b, incident;
};

static int
pair_cmp(const void *x, const void *y)
{
	const struct pair_on *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->incident < q->incident ? -1 : p->incident > q->incident;
}

/* Most incidents first, then most subjects, then by the subjects. */
static int
together_cmp(const void *x, const void *y)
{
	const struct pattern_together *p = x, *q = y;
	size_t i;

	if (p->nincidents != q->nincidents)
		return p->nincidents > q->nincidents ? -1 : 1;
	if (p->nsubjects != q->nsubjects)
		return p->nsubjects > q->nsubjects ? -1 : 1;
	for (i = 0; i < p->nsubjects; i++)
		if (p->subjects[i] != q->subjects[i])
			return p->subjects[i] < q->subjects[i] ? -1 : 1;
	return 0;
}

/* The incidents whose subjects include all of t's, into t. 0 or -1. */
static int
together_incidents(struct arena *ar, const struct subject_set *sets, size_t n,
    struct pattern_together *t)
{
	size_t i;

	if ((t->incidents = arena_alloc(ar, n * sizeof(*t->incidents))) == NULL)
		return -1;
	t->nincidents = 0;
	for (i = 0; i < n; i++)
		if (id_within(t->subjects, t->nsubjects, sets[i].ids, sets[i].n))
			t->incidents[t->nincidents++] = sets[i].incident;
	qsort(t->incidents, t->nincidents, sizeof(*t->incidents), id_cmp);
	return 0;
}

/* Every pair of subjects on two or more incidents together: each
 * incident's pairs, sorted, in runs. */
static int
pairs_find(struct arena *ar, const struct subject_set *sets, size_t n,
    struct pattern_company *c)
{
	struct pair_on *all;
	size_t total = 0, k = 0, i, j, x, run;

	for (i = 0; i < n; i++)
		total += sets[i].n * (sets[i].n - 1) / 2;
	if (total == 0)
		return 0;
	if ((all = arena_alloc(ar, total * sizeof(*all))) == NULL ||
	    (c->pairs = arena_alloc(ar, PATTERN_GROUPS_MAX * sizeof(*c->pairs))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		for (j = 0; j < sets[i].n; j++)
			for (x = j + 1; x < sets[i].n; x++)
				all[k++] = (struct pair_on){ sets[i].ids[j], sets[i].ids[x],
				    sets[i].incident };
	qsort(all, total, sizeof(*all), pair_cmp);
	for (i = 0; i < total; i = run) {
		for (run = i + 1; run < total && all[run].a == all[i].a &&
		    all[run].b == all[i].b; run++)
			;
		if (run - i < 2)
			continue;
		if (c->npairs == PATTERN_GROUPS_MAX) {
			c->truncated = 1;
			break;
		}
		struct pattern_together *t = &c->pairs[c->npairs++];
		if ((t->subjects = arena_alloc(ar, 2 * sizeof(*t->subjects))) == NULL ||
		    (t->incidents = arena_alloc(ar, (run - i) * sizeof(*t->incidents))) == NULL)
			return -1;
		t->subjects[0] = all[i].a;
		t->subjects[1] = all[i].b;
		t->nsubjects = 2;
		for (t->nincidents = 0, j = i; j < run; j++)
			t->incidents[t->nincidents++] = all[j].incident;
	}
	qsort(c->pairs, c->npairs, sizeof(*c->pairs), together_cmp);
	return 0;
}

/* Adds ids (n of them) to the groups unless there already, or sets
 * c->truncated when there is no room. 0, or -1 out of memory. */
static int
group_add(struct arena *ar, struct pattern_company *c, const long long *ids, size_t n)
{
	struct pattern_together *t;
	size_t i;

	for (i = 0; i < c->ngroups; i++)
		if (c->groups[i].nsubjects == n &&
		    memcmp(c->groups[i].subjects, ids, n * sizeof(*ids)) == 0)
			return 0;
	if (c->ngroups == PATTERN_GROUPS_MAX) {
		c->truncated = 1;
		return 0;
	}
	t = &c->groups[c->ngroups];
	if ((t->subjects = arena_alloc(ar, n * sizeof(*ids))) == NULL)
		return -1;
	memcpy(t->subjects, ids, n * sizeof(*ids));
	t->nsubjects = n;
	c->ngroups++;
	return 0;
}

/* Groups of three or more taken whole: the subjects two incidents share,
 * then what two of those share, until nothing new. Each is then the
 * subjects common to every incident it is on (an intersection of
 * incidents' sets is the intersection of all the sets containing it). */
static int
groups_find(struct arena *ar, const struct subject_set *sets, size_t n, size_t widest,
    struct pattern_company *c)
{
	long long *both;
	size_t i, j, k, done;
	int pairs_cut = c->truncated;

	if (widest < 3)
		return 0;
	/* c->truncated now says the groups are: pairs cut stay so, after. */
	c->truncated = 0;
	if ((c->groups = arena_alloc(ar, PATTERN_GROUPS_MAX * sizeof(*c->groups))) == NULL ||
	    (both = arena_alloc(ar, widest * sizeof(*both))) == NULL)
		return -1;
	for (i = 0; i < n && !c->truncated; i++)
		for (j = i + 1; j < n && !c->truncated; j++) {
			if (sets[i].n < 3 || sets[j].n < 3)
				continue;
			k = id_both(sets[i].ids, sets[i].n, sets[j].ids, sets[j].n, both);
			if (k >= 3 && group_add(ar, c, both, k) == -1)
				return -1;
		}
	/* Each group against every one found before it, once. */
	for (done = 0; done < c->ngroups && !c->truncated; done++)
		for (i = 0; i < done && !c->truncated; i++) {
			k = id_both(c->groups[i].subjects, c->groups[i].nsubjects,
			    c->groups[done].subjects, c->groups[done].nsubjects, both);
			if (k >= 3 && group_add(ar, c, both, k) == -1)
				return -1;
		}
	for (i = 0; i < c->ngroups; i++)
		if (together_incidents(ar, sets, n, &c->groups[i]) == -1)
			return -1;
	qsort(c->groups, c->ngroups, sizeof(*c->groups), together_cmp);
	c->truncated |= pairs_cut;
	return 0;
}

int
pattern_together(struct arena *ar, const struct pattern_incident *in, size_t n,
    struct pattern_company *c)
{
	struct subject_set *sets;
	size_t i, k = 0, widest = 0;

	memset(c, 0, sizeof(*c));
	if (n == 0)
		return 0;
	if ((sets = arena_alloc(ar, n * sizeof(*sets))) == NULL)
		return -1;
	/* Only incidents with two or more subjects can put anyone together. */
	for (i = 0; i < n; i++) {
		size_t m = in[i].nsubjects;

		if (m < 2)
			continue;
		if ((sets[k].ids = id_set(ar, in[i].subjects, &m)) == NULL)
			return -1;
		if (m < 2)
			continue;
		sets[k].n = m;
		sets[k].incident = in[i].id;
		if (m > widest)
			widest = m;
		k++;
	}
	if (pairs_find(ar, sets, k, c) == -1)
		return -1;
	return groups_find(ar, sets, k, widest, c);
}
