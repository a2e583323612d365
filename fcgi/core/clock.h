#ifndef CORE_CLOCK_H
#define CORE_CLOCK_H

/* Milliseconds from a monotonic clock, for durations and timers. */
double	clock_ms(void);
/* Seconds since the epoch, for expiry times shared with other processes. */
long long clock_epoch(void);

#endif
