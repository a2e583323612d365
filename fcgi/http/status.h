#ifndef HTTP_STATUS_H
#define HTTP_STATUS_H

/* The reason phrase for an HTTP status code ("Not Found"). */
const char	*http_reason(int status);

#endif
