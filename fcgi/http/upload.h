#ifndef HTTP_UPLOAD_H
#define HTTP_UPLOAD_H

#include "http/multipart.h"

struct req;

enum multipart_err	upload_read_body(struct req *, const struct multipart_limits *,
			    const struct multipart_callbacks *, void *arg);

#endif
