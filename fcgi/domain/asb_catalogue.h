#ifndef DOMAIN_ASB_CATALOGUE_H
#define DOMAIN_ASB_CATALOGUE_H

#include <stddef.h>

struct arena;
struct pg;

/* The active ASB types and their custom questions, as the public form
 * offers them (reference data: no row security, no transaction). */

struct asb_type_item {
	const char	*code;
	const char	*name;
	const char	*category;	/* personal, nuisance, environmental */
	const char	*hint;		/* "" when none */
	const char	*parent;	/* the parent type's code; "" at the top */
	int		 has_children;
};

struct asb_question {
	const char	*key;
	const char	*label;
	const char	*hint;		/* "" when none */
	const char	*kind;		/* short_text, long_text, yes_no, ... */
	const char	*options;	/* JSON [{"value", "label"}] */
	int		 required;
	const char	*notice_answer;	/* "" when no notice */
	const char	*notice_text;
	int		 version;
};

/* A type as the intake needs it. */
struct asb_type_ref {
	long long	 id;		/* 0: no such active type */
	const char	*code;
	const char	*category;
	const char	*name;
	long long	 catalogue;	/* the catalogue's version when read (0036) */
};

extern const struct pg_stmts asb_catalogue_statements;

int	asb_types_list(struct pg *, struct arena *, struct asb_type_item **, size_t *);
int	asb_questions_list(struct pg *, struct arena *, const char *type_code,
	    struct asb_question **, size_t *);
int	asb_type_questions(struct pg *, struct arena *, const char *type_code,
	    struct asb_type_ref *, struct asb_question **, size_t *);
int	asb_type_questions_kept(struct pg *, struct arena *, const char *type_code,
	    struct asb_type_ref *, struct asb_question **, size_t *);
void	asb_catalogue_forget(void);

#endif
