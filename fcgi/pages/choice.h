#ifndef PAGES_CHOICE_H
#define PAGES_CHOICE_H

#include <stddef.h>

struct arena;
struct incident;
struct view_dict;

/* A coded value and the words staff read for it: the options of a select,
 * the label of a stored code. */
struct choice {
	const char *value, *label;
};

#define NCHOICES(t)	(sizeof(t) / sizeof((t)[0]))

extern const struct choice	status_labels[];
extern const size_t		status_labels_n;
extern const struct choice	risk_labels[];		/* high first */
extern const size_t		risk_labels_n;
extern const struct choice	often_labels[];		/* the form's how_often codes */
extern const size_t		often_labels_n;

int		 choice_find(const struct choice *, size_t, const char *value);
const char	*choice_label(const struct choice *, size_t, const char *value);
const char	*choice_list_words(struct arena *, const struct choice *, size_t,
		    const char *codes);
int		 options_dict(struct view_dict *, const char *section,
		    const struct choice *, size_t, const char *selected);
const char	*status_label(const char *status);
const char	*risk_label(const char *level);
const char	*channel_label(const char *channel);
const char	*flag_label(int flag);		/* an enum flag (domain/flags.h) */
void		 flag_choices(struct choice out[]);	/* FLAGS of them, by enum flag */
int		 incident_fields(struct view_dict *, const struct incident *);

#endif
