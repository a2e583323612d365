/* concord-fcgi: the FastCGI application server behind nginx.
 *
 *   concord-fcgi -c FILE     serve
 *   concord-fcgi --routes    print the route table (method, pattern and
 *                            permission, tab-separated) and exit */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/log.h"
#include "server/master.h"
#include "server/routes.h"

static void
usage(void)
{
	fprintf(stderr, "usage: concord-fcgi -c FILE\n"
	    "  (or set CONCORD_CONF to the configuration file)\n"
	    "       concord-fcgi --routes\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	static struct config cfg;
	const char *path = getenv("CONCORD_CONF");
	static const struct option longopts[] = {
		{ "routes", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	char err[512];
	int ch, print_routes = 0;

	log_init("concord-fcgi");
	while ((ch = getopt_long(argc, argv, "c:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		case 'r':
			print_routes = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	/* No configuration needed: the table is compiled in. */
	if (print_routes) {
		if (route_table_print(stdout, routes, routes_n) == -1) {
			log_error("cannot print the routes: %s", strerror(errno));
			return 1;
		}
		return 0;
	}
	if (path == NULL)
		usage();
	if (config_load(&cfg, path, err, sizeof(err)) == -1) {
		log_error("cannot start: %s", err);
		return 1;
	}
	return master_run(&cfg);
}
