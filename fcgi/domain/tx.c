/* Transactions on behalf of someone. Row-level security policies read who
 * is asking from settings that only live for the transaction (SET LOCAL),
 * so every domain transaction starts here; a query run without them sees
 * no protected rows at all. */
#include <stdio.h>

#include "domain/actor.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "tx_actor", "SELECT " TX_ACTOR_SQL("$1", "$2", "$3") },
};

const struct pg_stmts tx_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

void
tx_actor_params(const struct actor *a, struct tx_actor_params *out)
{
	snprintf(out->user, sizeof(out->user), "%lld", a->user_id);
	snprintf(out->agency, sizeof(out->agency), "%lld", a->agency_id);
	out->person_view = perm_has(a->perms, PERM_PERSON_VIEW) ? "1" : "0";
}

/* The three parameters of tx_actor, in t, as p. */
static void
actor_params(const struct actor *a, struct tx_actor_params *t, const char *p[3])
{
	tx_actor_params(a, t);
	p[0] = t->user;
	p[1] = t->agency;
	p[2] = t->person_view;
}

/* Sets (or changes, within the transaction) who is acting. 0 or -1. */
int
tx_actor(struct pg *pg, const struct actor *a)
{
	struct tx_actor_params t;
	const char *p[3];

	actor_params(a, &t, p);
	return pg_exec_ok(pg, "tx_actor", 3, p);
}

/* BEGIN, then the actor's settings, in one round trip. Returns 0, or -1
 * with nothing open. */
int
tx_begin(struct pg *pg, const struct actor *a)
{
	struct tx_actor_params t;
	const char *p[3];
	PGresult *res;

	actor_params(a, &t, p);
	if ((res = pg_begin_exec(pg, "tx_actor", 3, p)) == NULL)
		return -1;
	PQclear(res);
	return 0;
}
