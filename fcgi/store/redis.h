#ifndef STORE_REDIS_H
#define STORE_REDIS_H

#include <hiredis/hiredis.h>

/* One hiredis connection that reconnects by itself. */
struct rd;

struct rd	*rd_open(const char *target);
void		 rd_close(struct rd *);
redisReply	*rd_command(struct rd *, const char *fmt, ...);
redisReply	*rd_commandv(struct rd *, int argc, const char **argv,
		    const size_t *lens);
const char	*rd_error(const struct rd *);
int		 rd_reply_ok(redisReply *);

#endif
