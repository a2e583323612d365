/* The "try it" box (domain/rule_try.h): allocation_try in a read-only
 * transaction, and the names of the teams it chose. */
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/intake_check.h"
#include "domain/routing_rule.h"
#include "domain/rule_try.h"
#include "domain/tx.h"
#include "store/pg.h"

/* Where the incident q would be, and which queues would take it and why:
 * out->refused (and no queues) when the intake would refuse its point.
 * Returns 0, or -1 (the database failed, a bad point, or out of memory). */
int
rule_try(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct allocation_query *q, const struct rule_refs *refs,
    struct rule_try_out *out)
{
	const struct rule_team *t;
	enum area_result got;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (tx_begin(pg, a) == -1)
		return -1;
	got = allocation_try(pg, ar, q, &out->where, &out->plan);
	pg_rollback(pg);
	if (got != AREA_OK)
		return -1;
	if (q->has_point && !out->where.in_partnership) {
		out->plan.n = 0;
		out->refused = intake_outside_words(ar, &out->where);
		return out->refused != NULL ? 0 : -1;
	}
	for (i = 0; i < out->plan.n; i++) {
		t = rule_refs_team(refs, out->plan.r[i].team);
		out->q[out->n].route = &out->plan.r[i];
		out->q[out->n].team = t != NULL ? t->name : "";
		out->q[out->n].agency = t != NULL ? t->agency_name : "";
		out->n++;
	}
	return 0;
}
