/* The options of a choice question as an administrator types them: one
 * a line, "value|label", with "|follow-up question|what to say when it is
 * left blank" when the option asks one (domain/answer_detail.h). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/admin_asb.h"
#include "http/request.h"
#include "pages/admin_options.h"
#include "pages/form.h"

/* The label part of an option's line, "label" or "label|follow-up
 * question|what to say when it is left blank", into o. 0, or -1 out of
 * memory; a problem in *msg. */
static int
follow_up(struct req *r, char *l, struct asb_option *o, size_t line, const char **msg)
{
	char *parts[3] = { l, NULL, NULL };
	size_t i, k;

	for (i = 1; i < 3 && (parts[i] = strchr(parts[i - 1], '|')) != NULL; i++)
		*parts[i]++ = '\0';
	for (i = 0; i < 3 && parts[i] != NULL; i++) {
		while (*parts[i] == ' ' || *parts[i] == '\t')
			parts[i]++;
		for (k = strlen(parts[i]); k > 0 && strchr(" \t\r", parts[i][k - 1]) != NULL; k--)
			parts[i][k - 1] = '\0';
	}
	o->label = parts[0];
	o->detail = parts[1] != NULL ? parts[1] : "";
	o->detail_missing = parts[2] != NULL ? parts[2] : "";
	if (*o->label == '\0' || strlen(o->label) > ASB_OPTION_LABEL_MAX)
		*msg = arena_printf(r->arena, "Line %zu of the options: the label "
		    "must be 1 to 200 characters", line);
	else if (strlen(o->detail) > ASB_OPTION_LABEL_MAX || strlen(o->detail_missing) >
	    ASB_OPTION_LABEL_MAX || strchr(o->detail_missing, '|') != NULL)
		*msg = arena_printf(r->arena, "Line %zu of the options: the follow-up "
		    "question and what to say when it is left blank must each be 200 "
		    "characters or fewer, with no |", line);
	else if (*o->detail == '\0' && *o->detail_missing != '\0')
		*msg = arena_printf(r->arena, "Line %zu of the options: give the follow-up "
		    "question before what to say when it is left blank", line);
	else
		return 0;
	return *msg != NULL ? 0 : -1;
}

/* Reads the options, "value|label" one a line (blank lines ignored), into
 * q. Records the first problem against "options". Returns 0, or -1 when
 * out of memory. */
int
admin_options_parse(struct req *r, const char *text, struct question_rec *q,
    struct form_errors *errs)
{
	const char *s = text, *bar, *msg = NULL;
	size_t len, line = 0, k, cap = 1;
	char *v, *l;

	q->options = NULL;
	q->noptions = 0;
	for (k = 0; text[k] != '\0'; k++)
		if (text[k] == '\n')
			cap++;
	if ((q->options = arena_calloc(r->arena, cap, sizeof(*q->options))) == NULL)
		return -1;
	for (; *s != '\0' && msg == NULL; s += len + (s[len] == '\n')) {
		len = strcspn(s, "\n");
		line++;
		if ((bar = memchr(s, '|', len)) == NULL) {
			if (strspn(s, " \t\r") < len)
				msg = arena_printf(r->arena, "Line %zu of the options "
				    "needs a value and a label with | between them, like "
				    "not_sure|I'm not sure", line);
			continue;
		}
		if ((v = arena_strndup(r->arena, s, (size_t)(bar - s))) == NULL ||
		    (l = arena_strndup(r->arena, bar + 1, len - (size_t)(bar - s) - 1)) == NULL)
			return -1;
		/* Trim both, as the other fields are. */
		while (*v == ' ' || *v == '\t')
			v++;
		for (k = strlen(v); k > 0 && strchr(" \t\r", v[k - 1]) != NULL; k--)
			v[k - 1] = '\0';
		if (!asb_question_key_valid(v))
			msg = arena_printf(r->arena, "Line %zu of the options: the value "
			    "must be 1 to 48 lower-case letters, digits and underscores, "
			    "like not_sure", line);
		else if (q->noptions == ASB_OPTIONS_MAX)
			msg = "Enter 30 options or fewer";
		for (k = 0; msg == NULL && k < q->noptions; k++)
			if (strcmp(q->options[k].value, v) == 0)
				msg = arena_printf(r->arena, "Line %zu of the options "
				    "repeats the value %s: each value must be different",
				    line, v);
		if (msg == NULL && follow_up(r, l, &q->options[q->noptions], line, &msg) == -1)
			return -1;
		if (msg == NULL) {
			q->options[q->noptions].value = v;
			q->noptions++;
		}
	}
	if (msg != NULL) {
		form_error(errs, "options", msg);
		return 0;
	}
	if (asb_kind_is_choice(q->kind) && q->noptions < 2)
		form_error(errs, "options", "Enter at least 2 options, one a line, "
		    "like home|A home");
	else if (!asb_kind_is_choice(q->kind) && *q->kind != '\0' && q->noptions > 0)
		form_error(errs, "options", "Only single and multiple choice questions "
		    "have options: clear them, or choose one of those kinds");
	return 0;
}

/* The options as the textarea shows them: "value|label", with
 * "|follow-up question|message" when the option asks one; one a line. */
const char *
admin_options_text(struct req *r, const struct question_rec *q)
{
	struct buf b = {0};
	const char *s;
	size_t i;

	for (i = 0; i < q->noptions; i++)
		buf_printf(&b, "%s|%s%s%s%s%s\n", q->options[i].value, q->options[i].label,
		    *q->options[i].detail ? "|" : "", q->options[i].detail,
		    *q->options[i].detail ? "|" : "", q->options[i].detail_missing);
	if (b.len == 0)
		return "";
	s = b.oom ? NULL : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return s;
}
