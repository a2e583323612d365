/* concord-worker: relays the outbox into the job stream, runs the jobs and
 * sends the CAD clients' webhooks, in one loop, in the foreground. SIGTERM
 * or SIGINT: finish the job (or the webhook batch) in hand, give back the
 * rest of the batch, exit 0. A store that is down is
 * waited for, never a reason to exit. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/config.h"
#include "core/log.h"
#include "domain/evidence_purge.h"
#include "domain/outbox_keep.h"
#include "domain/overdue.h"
#include "domain/tx.h"
#include "jobs/jobs.h"
#include "store/pg.h"
#include "store/redis.h"

volatile sig_atomic_t jobs_stop;

/* SIGTERM, SIGINT: ask the loop to stop after the job in hand. */
static void
on_stop(int sig)
{
	(void)sig;
	jobs_stop = 1;
}

/* No SA_RESTART: a sleep ends at once; a blocked XREADGROUP ends within
 * JOB_BLOCK_MS. A write to a Redis that went away must not kill us. */
static void
signals_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Sleeps for ms milliseconds, less when a signal comes. */
static void
nap(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	(void)nanosleep(&ts, NULL);
}

/* Bad arguments: says how to call the program and exits 2. */
static void
usage(void)
{
	fprintf(stderr, "usage: concord-worker [-c file]\n"
	    "  -c file  configuration (default: $CONCORD_CONF)\n");
	exit(2);
}

/* Checks the settings this program needs. Returns -1 after logging why. */
static int
config_check(const struct config *cfg)
{
	struct stat st;

	/* db_worker, not db: the web role may not read the outbox. */
	if (cfg->db_worker[0] == '\0' || cfg->redis[0] == '\0' ||
	    cfg->mail_outbox[0] == '\0') {
		log_error("%s: db_worker, redis and mail_outbox must be set", cfg->path);
		return -1;
	}
	/* Not fatal: the directory may be mounted later; jobs retry meanwhile. */
	if (stat(cfg->mail_outbox, &st) == -1 || !S_ISDIR(st.st_mode))
		log_warn("mail_outbox %s is not a directory yet", cfg->mail_outbox);
	return 0;
}

/* Loads the configuration and runs the loop until a signal. Returns 0 after
 * a signal, 1 for a configuration that cannot work, 2 for bad arguments. */
int
main(int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &relay_statements,
	    &evidence_purge_statements, &outbox_keep_statements, &tx_statements,
	    &overdue_statements, &webhook_statements };
	struct config cfg;
	struct worker w;
	const char *path = getenv("CONCORD_CONF");
	char err[1024], host[256];
	int c;

	while ((c = getopt(argc, argv, "c:")) != -1)
		switch (c) {
		case 'c':
			path = optarg;
			break;
		default:
			usage();
		}
	if (optind != argc || path == NULL || path[0] == '\0')
		usage();
	log_init("concord-worker");
	if (config_load(&cfg, path, err, sizeof(err)) == -1) {
		log_error("%s", err);
		return 1;
	}
	if (config_check(&cfg) == -1)
		return 1;

	memset(&w, 0, sizeof(w));
	w.cfg = &cfg;
	w.pg_down.what = "PostgreSQL";
	w.rd_down.what = "Redis";
	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(w.consumer, sizeof(w.consumer), "%s-%ld", host, (long)getpid());
	if ((w.pg = pg_open(cfg.db_worker, sets, sizeof(sets) / sizeof(sets[0]))) == NULL ||
	    (w.rd = rd_open(cfg.redis)) == NULL) {
		log_error("out of memory");
		return 1;
	}
	if (webhook_wire_init() == -1)
		return 1;
	signals_init();
	log_info("started: consumer %s of %s on %s", w.consumer, JOBS_GROUP,
	    JOBS_STREAM);

	while (!jobs_stop) {
		relay_tick(&w);
		webhook_tick(&w);
		if (jobs_stop)
			break;
		if (consumer_tick(&w) == -1)
			nap(OUTAGE_RETRY_MS);
		retention_tick(&w);
		overdue_tick(&w);
		delivered_tick(&w);
	}

	consumer_leave(&w);
	webhook_wire_close();
	pg_close(w.pg);
	rd_close(w.rd);
	log_info("stopped");
	return 0;
}
