/* concord-fcgi: the FastCGI application server behind nginx. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/log.h"
#include "server/master.h"

static void
usage(void)
{
	fprintf(stderr, "usage: concord-fcgi -c FILE\n"
	    "  (or set CONCORD_CONF to the configuration file)\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	static struct config cfg;
	const char *path = getenv("CONCORD_CONF");
	char err[512];
	int ch;

	log_init("concord-fcgi");
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		default:
			usage();
		}
	}
	if (path == NULL || optind != argc)
		usage();
	if (config_load(&cfg, path, err, sizeof(err)) == -1) {
		log_error("cannot start: %s", err);
		return 1;
	}
	return master_run(&cfg);
}
