#ifndef DOMAIN_ADMIN_ASB_H
#define DOMAIN_ADMIN_ASB_H

#include <stddef.h>

#include "domain/admin.h"

struct actor;
struct arena;
struct pg;

/* ASB types and their custom questions, as an administrator edits them.
 * The public form and Open311 read them through asb_catalogue.c on every
 * request, so a change shows at once. Answers already given keep the
 * wording and version they were asked with (report.answers): an edit here
 * bumps the question's version and never touches a report. */

/* Limits of what an administrator may type (the table CHECKs and the
 * public form's own lengths). */
#define ASB_TYPE_CODE_MAX	48
#define ASB_TYPE_NAME_MAX	200
#define ASB_HINT_MAX		1000
#define ASB_RETENTION_MAX	36500	/* a hundred years, in days */
#define ASB_SORT_MAX		100000
#define ASB_QUESTION_KEY_MAX	48
#define ASB_QUESTION_LABEL_MAX	500
#define ASB_OPTION_LABEL_MAX	200
#define ASB_OPTIONS_MAX		30
#define ASB_WEIGHT_MAX		100
#define ASB_NOTICE_MAX		500

/* The national categories and the question kinds, in the order of their
 * PostgreSQL types, with the words the pages use. */
struct asb_def {
	const char	*code;
	const char	*label;
};

#define ASB_CATEGORIES_N	3
#define ASB_KINDS_N		8
extern const struct asb_def asb_categories[ASB_CATEGORIES_N];
extern const struct asb_def asb_kinds[ASB_KINDS_N];

const char	*asb_category_label(const char *code);
const char	*asb_kind_label(const char *code);
int		 asb_kind_is_choice(const char *kind);
int		 asb_type_code_valid(const char *);
int		 asb_question_key_valid(const char *);

/* A type. Its parent, when it has one, is a top-level type: the public
 * form offers a type, then its sub-types. */
struct asb_type_rec {
	long long	 id;
	const char	*code;		/* [a-z0-9-]{2,48}, unique */
	const char	*name;
	const char	*category;	/* personal, nuisance, environmental */
	long long	 parent_id;	/* 0 at the top */
	const char	*parent_code;	/* "" at the top */
	const char	*parent_name;
	const char	*hint;		/* "" when none */
	int		 retention_days;
	int		 sort_order;
	int		 active;
	int		 nchildren;	/* its sub-types */
	int		 nquestions;	/* all its questions ... */
	int		 nactive;	/* ... and the active ones */
	const char	*version;	/* what it was when read, for the form */
};

/* One choice of a single or multiple choice question. */
struct asb_option {
	const char	*value;		/* [a-z0-9_]{1,48}, what answers store */
	const char	*label;
	/* The follow-up the option asks ("What is their name?") and what to
	 * say when it is left blank; "" when none (domain/answer_detail.h). */
	const char	*detail, *detail_missing;
};

/* A question of a type. Its key and type are fixed once it exists:
 * answers already given are filed under the key. */
struct question_rec {
	long long		 id;
	long long		 type_id;
	const char		*type_code;
	const char		*type_name;
	const char		*key;		/* [a-z0-9_]{1,48}, unique in the type */
	const char		*label;
	const char		*hint;		/* "" when none */
	const char		*kind;		/* one of asb_kinds */
	struct asb_option	*options;	/* choice kinds only */
	size_t			 noptions;
	int			 required;
	int			 triage_weight;
	const char		*notice_answer;	/* "" when no notice */
	const char		*notice_text;
	int			 sort_order;
	int			 active;
	const char		*version;	/* question.version, as text */
};

extern const struct pg_stmts admin_asb_statements;

int		asb_type_list(struct pg *, struct arena *, const struct actor *,
		    struct asb_type_rec **, size_t *n);
int		asb_type_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct asb_type_rec *);
enum admin_rc	asb_type_create(struct pg *, const struct actor *,
		    const struct asb_type_rec *, const char *reason, long long *id);
enum admin_rc	asb_type_update(struct pg *, struct arena *, const struct actor *,
		    const struct asb_type_rec *, const char *reason);

int		type_question_list(struct pg *, struct arena *, const struct actor *,
		    long long type_id, struct question_rec **, size_t *n);
int		type_question_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct question_rec *);
enum admin_rc	type_question_create(struct pg *, struct arena *,
		    const struct actor *, const struct question_rec *,
		    const char *reason, long long *id);
enum admin_rc	type_question_update(struct pg *, struct arena *,
		    const struct actor *, const struct question_rec *,
		    const char *reason);

#endif
