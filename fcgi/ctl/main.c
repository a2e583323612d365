/* concordctl: administration commands. The table below is the whole of
 * the command line: a name, what it needs, and the function that runs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/log.h"
#include "ctl/ctl.h"

static int	ctl_version(const struct config *, int, char *[]);

static const struct command {
	const char	*name;
	ctl_fn		 run;
	int		 config;	/* needs the configuration file */
	const char	*args;
	const char	*help;
} commands[] = {
	{ "migrate", ctl_migrate, 1, "",
	  "apply new migrations from $sql/migrations (as db_admin)" },
	{ "status", ctl_status, 1, "",
	  "show the schema version and the pending migrations" },
	{ "demo", ctl_demo, 1, " [partnership | incidents]",
	  "create the demo partnership, then its incidents placed in the areas "
	  "imported (needs demo = 1)" },
	{ "notify", ctl_notify, 1, " --to ADDR --subject TEXT --body TEXT",
	  "queue an email through the outbox (as db)" },
	{ "audit", ctl_audit, 1, " verify | head",
	  "check the audit trail's hash chains, or print each chain's head (as db_admin)" },
	{ "user", ctl_user, 1, " add --email ADDR --name NAME --agency CODE --role CODE [--password-stdin]",
	  "create a member of staff, e.g. the first administrator (as db_admin)" },
	{ "areas", ctl_areas, 1, " import --kind beat|council-area (--code-field F | "
	  "--code-from-file) [--name-field F] [--agency CODE] [--area-agency AREA=CODE ...] "
	  "[--create-councils] [--team CODE] [--check] FILE... | locate LON LAT | locate -",
	  "load police beats or council areas from GeoJSON or KML as a new version, "
	  "with a report of repairs, overlaps and gaps (as db_admin); print the beat "
	  "and council area of a point as JSON (\"LON LAT\" lines on stdin with -)" },
	{ "api-client", ctl_api_client, 1, " add --name NAME [--kind open311|cad "
	  "--agency CODE --scopes incidents.read,incidents.write [--webhook URL] "
	  "[--mappings FILE]] | rotate --name NAME [--overlap-hours H] | "
	  "revoke --name NAME [--key KEYID]",
	  "register an Open311 or CAD client and print its new key once; give a CAD "
	  "client a new key, the old ones ending after the overlap (24 h by default); "
	  "revoke one key or the whole client (as db_admin)" },
	{ "evidence", ctl_evidence, 1, " purge",
	  "delete evidence past its retention date, and stored files no report uses "
	  "(as db_worker)" },
	{ "outbox", ctl_outbox, 1, " prune",
	  "delete the jobs delivered more than outbox_keep_days ago (as db_worker)" },
	{ "risk", ctl_risk, 1, " show [VERSION] | assess REFERENCE --as EMAIL --version N "
	  "--answers JSON [--reason TEXT] | history REFERENCE --as EMAIL | provisional",
	  "print a risk questionnaire version as JSON (the active one by default); "
	  "record or list an incident's risk assessments acting as a member of staff (as db); "
	  "recompute every reported incident's provisional score (as db_admin)" },
	{ "person", ctl_person, 1, " match --as EMAIL [--given NAME] [--family NAME] "
	  "[--dob YYYY-MM-DD] [--phone TEL] [--email ADDR] [--postcode PC] [--exclude ID]"
	  " | backfill",
	  "list the people a member of staff may see who may be the one described, as "
	  "JSON, never merging (as db); compute the match keys of older people (as db_admin)" },
	{ "flags", ctl_flags, 1, " refresh [REFERENCE ...]",
	  "recompute the stored flags of these incidents, or of all, with the windows "
	  "configured now (as db_admin)" },
	{ "intake", ctl_intake, 1, " --as EMAIL < submission.json",
	  "take one police, call-handler or CAD submission (JSON) through the intake as "
	  "that member of staff; print the incident or the field errors as JSON (as db)" },
	{ "allocate", ctl_allocate, 1, " try [--lon X --lat Y] [--address] --type CODE "
	  "[--flag NAME]... [--channel NAME] [--agency CODE] | points [--bare] < LON,LAT lines",
	  "what allocation would do: the areas and queues for a point and why; or the "
	  "rate for many points" },
	{ "import", ctl_import, 1, " police-uk (--as EMAIL | --agency CODE) [--type CODE] "
	  "[--json] FILE...",
	  "take a force's history from data.police.uk street-level CSVs through the intake, "
	  "the rows of anti-social behaviour only, all of it or nothing (as db)" },
	{ "version", ctl_version, 0, "",
	  "print the version" },
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

/* Files concordctl writes for the operator live beside the configuration
 * file: in development that is the state folder. */
void
ctl_beside_config(const struct config *cfg, const char *name, char *out, size_t len)
{
	const char *slash = strrchr(cfg->path, '/');

	if (slash == NULL)
		snprintf(out, len, "%s", name);
	else
		snprintf(out, len, "%.*s/%s", (int)(slash - cfg->path), cfg->path, name);
}

/* concordctl version: the version this was built as. */
static int
ctl_version(const struct config *cfg, int argc, char *argv[])
{
	(void)cfg;
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: concordctl version\n");
		return 2;
	}
	printf("concordctl %s\n", CONCORD_VERSION);
	return 0;
}

/* Prints every command and returns the exit status for bad arguments. */
static int
usage(void)
{
	size_t i;

	fprintf(stderr, "usage: concordctl [-c file] command [arguments]\n"
	    "  -c file  configuration (default: $CONCORD_CONF)\n"
	    "commands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(stderr, "  %s%s\n      %s\n", commands[i].name,
		    commands[i].args, commands[i].help);
	return 2;
}

/* Finds the command, loads the configuration if it needs one, runs it.
 * Returns its status; 2 for bad arguments, 1 for a bad configuration. */
int
main(int argc, char *argv[])
{
	const struct command *cmd = NULL;
	struct config cfg;
	const char *path = getenv("CONCORD_CONF");
	char err[1024];
	size_t i;
	int c;

	log_init("concordctl");
	/* '+': options after the command name are the command's own. */
	while ((c = getopt(argc, argv, "+c:h")) != -1)
		switch (c) {
		case 'c':
			path = optarg;
			break;
		default:
			return usage();
		}
	if (optind >= argc)
		return usage();
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, argv[optind]) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "concordctl: unknown command \"%s\"\n", argv[optind]);
		return usage();
	}
	argc -= optind;
	argv += optind;
	optind = 0;	/* glibc: start afresh for the command's own options */
	if (!cmd->config)
		return cmd->run(NULL, argc, argv);
	if (path == NULL || path[0] == '\0') {
		fprintf(stderr, "concordctl: no configuration: use -c FILE "
		    "or set CONCORD_CONF\n");
		return usage();
	}
	if (config_load(&cfg, path, err, sizeof(err)) == -1) {
		fprintf(stderr, "concordctl: %s\n", err);
		return 1;
	}
	return cmd->run(&cfg, argc, argv);
}
