#ifndef SERVER_MASTER_H
#define SERVER_MASTER_H

struct config;

int	master_run(struct config *);

#endif
