#ifndef API_PROBLEM_H
#define API_PROBLEM_H

#include <stddef.h>

struct json_object;
struct req;

/*
 * The CAD API's errors, as RFC 9457 problem details
 * (application/problem+json):
 *
 *   {"type": "urn:concord:problem:invalid_fields", "title": "...",
 *    "status": 422, "code": "invalid_fields", "detail": "...",
 *    "errors": [{"field": "location.lat", "code": "out_of_range",
 *                "message": "..."}]}
 *
 * code is what a client tests; the words are for a person reading logs.
 * A field is named as a JSON path into the body sent ("people[1].phone").
 */

struct problem_field {
	const char	*field;
	const char	*code;
	const char	*message;
};

/* A list of field errors a parser fills as it goes. */
#define PROBLEM_FIELDS_MAX	40

struct problem_fields {
	struct problem_field	 items[PROBLEM_FIELDS_MAX];
	size_t			 n;
	size_t			 dropped;	/* beyond PROBLEM_FIELDS_MAX */
};

/* Adds one field error (the strings must outlive the answer: literals or
 * the request's arena). */
void	problem_field_add(struct problem_fields *, const char *field,
	    const char *code, const char *message);
/* Answers status with the problem code, title and detail (detail may be
 * NULL). */
void	problem_send(struct req *, int status, const char *code, const char *title,
	    const char *detail);
/* The same with the field errors. */
void	problem_send_fields(struct req *, int status, const char *code,
	    const char *title, const struct problem_fields *);
/* 503 "unavailable": the database or Redis did not answer; the client
 * tries again. */
void	problem_unavailable(struct req *);
/* The problem object itself, for an answer kept to be sent again; NULL
 * out of memory. */
struct json_object *problem_object(int status, const char *code, const char *title,
	    const char *detail, const struct problem_fields *);

#endif
