#ifndef STORE_COUNTER_H
#define STORE_COUNTER_H

struct rd;

/* A count of events in a fixed window that starts at the first one. */
struct rd_window {
	long long	count;		/* events in the window, this one included */
	long long	ttl;		/* seconds until the window ends */
};

int	rd_window_hit(struct rd *, const char *key, int seconds, struct rd_window *);
int	rd_window_add(struct rd *, const char *key, int seconds, long long n,
	    struct rd_window *);
int	rd_window_peek(struct rd *, const char *key, struct rd_window *);

#endif
