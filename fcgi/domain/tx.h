#ifndef DOMAIN_TX_H
#define DOMAIN_TX_H

struct actor;
struct pg;

extern const struct pg_stmts tx_statements;

/* The settings row security reads, as SQL select-list items: for a
 * statement that sets the actor and does more in the same round trip.
 * Each argument is an SQL expression (a parameter such as "$2"). */
#define TX_ACTOR_SQL(user, agency, person_view)				\
	"set_config('concord.user_id', " user ", true), "		\
	"set_config('concord.agency_id', " agency ", true), "		\
	"set_config('concord.person_view', " person_view ", true)"

/* An actor's settings as the three parameters of TX_ACTOR_SQL. */
struct tx_actor_params {
	char		 user[24];
	char		 agency[24];
	const char	*person_view;
};

int	tx_begin(struct pg *, const struct actor *);
int	tx_actor(struct pg *, const struct actor *);
void	tx_actor_params(const struct actor *, struct tx_actor_params *);

#endif
