/* Clocks: monotonic for durations, real time for timestamps. */
#include <time.h>

#include "core/clock.h"

double
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

long long
clock_epoch(void)
{
	return (long long)time(NULL);
}
