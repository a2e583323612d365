#ifndef CTL_CTL_H
#define CTL_CTL_H

#include <limits.h>
#include <stddef.h>

struct config;

/* A command, given the configuration (NULL for commands that need none)
 * and its own arguments, argv[0] being its name. Returns the exit status:
 * 0, 1 when it failed, 2 for bad arguments. */
typedef int (*ctl_fn)(const struct config *, int argc, char *argv[]);

int	ctl_migrate(const struct config *, int, char *[]);
int	ctl_status(const struct config *, int, char *[]);
int	ctl_demo(const struct config *, int, char *[]);
int	ctl_notify(const struct config *, int, char *[]);
int	ctl_audit(const struct config *, int, char *[]);
int	ctl_user(const struct config *, int, char *[]);

/* The path of a file beside the configuration file (demo-users.json…). */
void	ctl_beside_config(const struct config *, const char *name, char *out,
	    size_t len);
int	ctl_areas(const struct config *, int, char *[]);
int	ctl_api_client(const struct config *, int, char *[]);
int	ctl_evidence(const struct config *, int, char *[]);
int	ctl_outbox(const struct config *, int, char *[]);
int	ctl_risk(const struct config *, int, char *[]);
int	ctl_person(const struct config *, int, char *[]);
int	ctl_flags(const struct config *, int, char *[]);
int	ctl_intake(const struct config *, int, char *[]);
int	ctl_allocate(const struct config *, int, char *[]);
int	ctl_import(const struct config *, int, char *[]);

/* risk.c: the member of staff a command acts as, by email. 0, or -1
 * after saying why. */
struct actor;
struct pg;
int	ctl_actor_by_email(struct pg *, const char *cmd, const char *email,
	    struct actor *);

/* outbox.c: a connection as concord-worker's role (db_worker), for the
 * commands that do the worker's maintenance now; NULL after saying why. */
struct pg_stmts;
struct pg	*ctl_worker_db(const struct config *, const struct pg_stmts *const *sets,
		    size_t nsets);

/* api_client.c: Open311 and CAD clients; the demo's are registered by
 * ctl_demo, whose connection needs api_client_statements and the domain's
 * api_client_admin, api_mapping, audit and tx statements. */
struct pg;
extern const struct pg_stmts api_client_statements;
int	api_client_demo(const struct config *, struct pg *);

/* migrations.c: the files in $sql/migrations, and how they compare with
 * what the database has applied. */
#define MIGRATION_NAME_MAX	64
#define MIGRATION_SIZE_MAX	(16 * 1024 * 1024)

struct migration {
	int	 version;
	char	 name[MIGRATION_NAME_MAX];	/* between NNNN_ and .sql */
	char	 file[PATH_MAX];
	char	 checksum[65];			/* SHA-256, hex */
	char	*text;
	size_t	 len;
};

struct applied {
	int	 version;
	char	 name[MIGRATION_NAME_MAX];
	char	 checksum[65];
	char	 at[40];
};

int	migration_name_parse(const char *fname, int *version, char *name,
	    size_t namelen);
int	migration_checksum(const char *text, size_t len, char hex[65]);
int	migrations_read(const char *dir, struct migration **, size_t *,
	    char *err, size_t errlen);
void	migrations_free(struct migration *, size_t);
int	migrations_check(const struct migration *, size_t,
	    const struct applied *, size_t, size_t *first_pending,
	    char *err, size_t errlen);

#endif
