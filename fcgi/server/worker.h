#ifndef SERVER_WORKER_H
#define SERVER_WORKER_H

struct config;

/* Serves requests from the listening socket until told to stop; exits. */
void	worker_run(const struct config *, int listen_fd) __attribute__((noreturn));

#endif
