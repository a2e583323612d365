#ifndef PAGES_ADMIN_OPTIONS_H
#define PAGES_ADMIN_OPTIONS_H

struct form_errors;
struct question_rec;
struct req;

/* A choice question's options as the admin textarea has them
 * (pages/admin_options.c). */
int		 admin_options_parse(struct req *, const char *text, struct question_rec *,
		    struct form_errors *);
const char	*admin_options_text(struct req *, const struct question_rec *);

#endif
