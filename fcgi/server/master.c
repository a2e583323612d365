/* The master process: opens the FastCGI socket, pre-forks the workers,
 * replaces any that die, reloads on SIGHUP and drains on SIGTERM. It
 * serves no requests itself. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "server/master.h"
#include "server/worker.h"
#include "view/view.h"

#define MAX_WORKERS	256
#define RETIRING_MAX	(2 * MAX_WORKERS)
#define DRAIN_SECONDS	10

struct slot {
	pid_t	pid;
	double	started;	/* clock_ms() at fork */
	double	respawn_at;	/* when a crash-looping slot may start again */
};

struct master {
	struct config	*cfg;
	int		 fd;
	int		 n;
	struct slot	 slots[MAX_WORKERS];
	pid_t		 retiring[RETIRING_MAX];	/* told to stop after a reload */
};

static volatile sig_atomic_t got_chld, got_hup, got_term, got_alarm;

static void
on_signal(int sig)
{
	switch (sig) {
	case SIGCHLD: got_chld = 1; break;
	case SIGHUP: got_hup = 1; break;
	case SIGALRM: got_alarm = 1; break;
	default: got_term = 1; break;
	}
}

/* Handlers for the master; the signals stay blocked except while it waits
 * in sigsuspend, so no flag is ever missed. */
static void
master_signals(sigset_t *waitmask)
{
	struct sigaction sa;
	sigset_t block;
	int sigs[] = { SIGCHLD, SIGHUP, SIGTERM, SIGINT, SIGALRM };
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigaction(sigs[i], &sa, NULL);
		sigaddset(&block, sigs[i]);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigprocmask(SIG_BLOCK, &block, waitmask);
	sigdelset(waitmask, SIGCHLD);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigdelset(waitmask, sigs[i]);
}

static int
worker_count(const struct config *cfg)
{
	long cores;

	if (cfg->workers > 0)
		return cfg->workers > MAX_WORKERS ? MAX_WORKERS : cfg->workers;
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (cores < 1)
		cores = 1;
	return cores * 2 > MAX_WORKERS ? MAX_WORKERS : (int)cores * 2;
}

/* Forks one worker into slot i. Returns -1 when fork fails. */
static int
spawn(struct master *m, int i)
{
	pid_t pid = fork();

	if (pid == -1) {
		log_error("fork: %s", strerror(errno));
		m->slots[i].respawn_at = clock_ms() + 1000;
		return -1;
	}
	if (pid == 0) {
		log_init("concord-fcgi");
		worker_run(m->cfg, m->fd);
	}
	m->slots[i].pid = pid;
	m->slots[i].started = clock_ms();
	m->slots[i].respawn_at = 0;
	return 0;
}

static void
describe_exit(int status, char *out, size_t len)
{
	if (WIFSIGNALED(status))
		snprintf(out, len, "killed by signal %d (%s)%s", WTERMSIG(status),
		    strsignal(WTERMSIG(status)), WCOREDUMP(status) ? ", core dumped" : "");
	else
		snprintf(out, len, "exited with status %d", WEXITSTATUS(status));
}

static int
retiring_take(struct master *m, pid_t pid)
{
	int i;

	for (i = 0; i < RETIRING_MAX; i++)
		if (m->retiring[i] == pid) {
			m->retiring[i] = 0;
			return 1;
		}
	return 0;
}

/* Collects dead workers and replaces them at once, unless one keeps dying
 * straight after starting: then it waits a second, so a broken start does
 * not spin the machine. */
static void
reap(struct master *m, int stopping)
{
	char why[128];
	pid_t pid;
	int status, i;
	double now;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (retiring_take(m, pid))
			continue;
		for (i = 0; i < m->n && m->slots[i].pid != pid; i++)
			;
		if (i == m->n)
			continue;
		m->slots[i].pid = 0;
		if (stopping)
			continue;
		describe_exit(status, why, sizeof(why));
		log_error("worker %ld %s; starting a new one", (long)pid, why);
		now = clock_ms();
		if (now - m->slots[i].started < 1000) {
			m->slots[i].respawn_at = now + 1000;
			alarm(1);
		} else
			spawn(m, i);
	}
}

static void
respawn_due(struct master *m)
{
	double now = clock_ms();
	int i, pending = 0;

	for (i = 0; i < m->n; i++) {
		if (m->slots[i].pid != 0)
			continue;
		if (m->slots[i].respawn_at <= now)
			spawn(m, i);
		if (m->slots[i].pid == 0)
			pending = 1;
	}
	if (pending)
		alarm(1);
}

/* SIGHUP: re-read the configuration and templates; if both are good, start
 * fresh workers and let the old ones finish their requests and exit. A bad
 * file is logged and the running workers keep serving. */
static void
reload(struct master *m)
{
	struct config next;
	char err[512];
	int i, j;

	if (config_load(&next, m->cfg->path, err, sizeof(err)) == -1) {
		log_error("reload refused: %s", err);
		return;
	}
	if (strcmp(next.socket, m->cfg->socket) != 0)
		log_warn("reload: a new socket path takes a restart; keeping %s",
		    m->cfg->socket);
	if (view_load(next.views, err, sizeof(err)) == -1) {
		log_error("reload refused: %s", err);
		return;
	}
	memcpy(next.socket, m->cfg->socket, sizeof(next.socket));
	*m->cfg = next;
	for (i = 0; i < m->n; i++) {
		if (m->slots[i].pid != 0) {
			for (j = 0; j < RETIRING_MAX && m->retiring[j] != 0; j++)
				;
			if (j < RETIRING_MAX)
				m->retiring[j] = m->slots[i].pid;
			kill(m->slots[i].pid, SIGTERM);
		}
		spawn(m, i);
	}
	log_info("reloaded %s and templates; workers replaced", m->cfg->path);
}

static int
alive(const struct master *m)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->slots[i].pid != 0)
			return 1;
	for (i = 0; i < RETIRING_MAX; i++)
		if (m->retiring[i] != 0)
			return 1;
	return 0;
}

static void
signal_all(struct master *m, int sig)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->slots[i].pid != 0)
			kill(m->slots[i].pid, sig);
	for (i = 0; i < RETIRING_MAX; i++)
		if (m->retiring[i] != 0)
			kill(m->retiring[i], sig);
}

/* SIGTERM: each worker finishes the request it holds and exits; whatever
 * is still running after DRAIN_SECONDS is killed. */
static void
drain(struct master *m, const sigset_t *waitmask)
{
	double deadline = clock_ms() + DRAIN_SECONDS * 1000;
	pid_t pid;
	int i;

	log_info("draining %d workers", m->n);
	signal_all(m, SIGTERM);
	while (alive(m) && clock_ms() < deadline) {
		alarm(1);
		sigsuspend(waitmask);
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0) {
			retiring_take(m, pid);
			for (i = 0; i < m->n; i++)
				if (m->slots[i].pid == pid)
					m->slots[i].pid = 0;
		}
		/* A worker between its stop check and accept() missed the
		 * first signal; tell it again. */
		signal_all(m, SIGTERM);
	}
	if (alive(m)) {
		log_warn("workers still busy after %d s; killing them", DRAIN_SECONDS);
		signal_all(m, SIGKILL);
		while (waitpid(-1, NULL, 0) > 0)
			;
	}
}

static int
open_socket(struct master *m)
{
	if (unlink(m->cfg->socket) == -1 && errno != ENOENT) {
		log_error("%s: cannot remove the old socket: %s", m->cfg->socket,
		    strerror(errno));
		return -1;
	}
	if ((m->fd = FCGX_OpenSocket(m->cfg->socket, 256)) < 0) {
		log_error("%s: cannot listen: %s", m->cfg->socket, strerror(errno));
		return -1;
	}
	if (chmod(m->cfg->socket, m->cfg->socket_mode) == -1) {
		log_error("%s: chmod: %s", m->cfg->socket, strerror(errno));
		return -1;
	}
	return 0;
}

/* Runs until SIGTERM. Returns the process exit status. */
int
master_run(struct config *cfg)
{
	static struct master m;
	sigset_t waitmask;
	char err[512];
	int i;

	m.cfg = cfg;
	if (view_load(cfg->views, err, sizeof(err)) == -1) {
		log_error("cannot start: %s", err);
		return 1;
	}
	if (FCGX_Init() != 0) {
		log_error("cannot start: FCGX_Init failed");
		return 1;
	}
	if (open_socket(&m) == -1)
		return 1;
	master_signals(&waitmask);
	m.n = worker_count(cfg);
	for (i = 0; i < m.n; i++)
		spawn(&m, i);
	log_info("concord-fcgi %s listening on %s with %d workers", CONCORD_VERSION,
	    cfg->socket, m.n);
	while (!got_term) {
		sigsuspend(&waitmask);
		if (got_chld) {
			got_chld = 0;
			reap(&m, 0);
		}
		if (got_alarm) {
			got_alarm = 0;
			respawn_due(&m);
		}
		if (got_hup) {
			got_hup = 0;
			reload(&m);
		}
	}
	drain(&m, &waitmask);
	unlink(cfg->socket);
	log_info("stopped");
	return 0;
}
