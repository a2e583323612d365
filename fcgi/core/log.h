#ifndef CORE_LOG_H
#define CORE_LOG_H

/* One JSON object per line on stderr. Every line carries the process id
 * and, while a request is being served, nginx's request id. */
enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void	log_init(const char *program);
void	log_set_request(const char *request_id);
void	log_msg(enum log_level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	log_request(const char *method, const char *path, int status,
	    double ms, unsigned long long bytes);

#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...)	log_msg(LOG_ERROR, __VA_ARGS__)

#endif
