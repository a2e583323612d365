#ifndef AUTH_CSRF_H
#define AUTH_CSRF_H

struct req;

const char	*csrf_token(struct req *);
int		 csrf_valid(struct req *);

#endif
