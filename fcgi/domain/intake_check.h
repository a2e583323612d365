#ifndef DOMAIN_INTAKE_CHECK_H
#define DOMAIN_INTAKE_CHECK_H

#include <stddef.h>
#include <time.h>

#include "domain/intake.h"

struct arena;
struct area_location;

/* The intake's own checks that need no database: trimming, the channels'
 * fixed mandatory fields, the log number against a force's pattern, a
 * date of birth, a postcode's shape, the NSIR qualifier, when it
 * happened. Each returns the words for a person, or NULL when the value
 * passes (domain/intake.c applies them to a submission). */

#define INTAKE_POSTCODE_MAX	9	/* "SW1A 1AA" and its NUL */

const char	*intake_trim(struct arena *, const char *);
int		 intake_blank(const char *);
int		 intake_error_add(struct intake_result *, const char *field,
		    const char *message);
int		 intake_has_error(const struct intake_result *, const char *field);
const char *const *intake_channel_mandatory(enum intake_channel);
const char	*intake_channel_name(enum intake_channel);
const char	*intake_field_missing(const char *field);
const char	*intake_log_number_check(struct arena *, const char *pattern,
		    const char *example, const char *log_number);
const char	*intake_dob_check(const char *dob, time_t now);
const char	*intake_postcode_check(const char *in, char out[INTAKE_POSTCODE_MAX]);
const char	*intake_nsir_check(const char *);
const char	*intake_when_check(struct arena *, const char *date, const char *time,
		    time_t now, const char **occurred_at);
const char	*intake_outside_words(struct arena *, const struct area_location *);
const char	*intake_district_check(const char *districts, const char *postcode,
		    const char *address);

#endif
