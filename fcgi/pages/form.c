/* Form validation results in the GOV.UK pattern: an error summary that
 * links to each field, and a message above each field in error. */
#include <ctype.h>
#include <string.h>

#include "core/arena.h"
#include "http/request.h"
#include "pages/form.h"
#include "view/view.h"

void
form_error(struct form_errors *f, const char *field, const char *message)
{
	if (f->n < FORM_ERRORS_MAX) {
		f->e[f->n].field = field;
		f->e[f->n].message = message;
		f->n++;
	}
}

/* Fills the ERROR_SUMMARY include (error_summary.tpl: one ERROR per
 * problem with FIELD and MESSAGE) and, for each field, shows the section
 * <FIELD>_ERROR with MESSAGE in d. Returns -1 when out of memory. */
int
form_errors_dict(struct view_dict *d, const struct form_errors *f)
{
	struct view_dict *item, *sec, *sum;
	char name[80];
	size_t i, k;

	if ((sum = view_include(d, "ERROR_SUMMARY", "error_summary.tpl")) == NULL)
		return -1;
	if (f->n == 0)
		return 0;
	if (view_show(sum, "ERRORS") == -1)
		return -1;
	for (i = 0; i < f->n; i++) {
		if ((item = view_section(sum, "ERROR")) == NULL ||
		    view_set(item, "FIELD", f->e[i].field) == -1 ||
		    view_set(item, "MESSAGE", f->e[i].message) == -1)
			return -1;
		for (k = 0; f->e[i].field[k] != '\0' && k < sizeof(name) - 7; k++)
			name[k] = f->e[i].field[k] == '-' ? '_' :
			    (char)toupper((unsigned char)f->e[i].field[k]);
		memcpy(name + k, "_ERROR", 7);
		if ((sec = view_section(d, name)) == NULL ||
		    view_set(sec, "MESSAGE", f->e[i].message) == -1)
			return -1;
	}
	return 0;
}

/* The page title, with "Error: " in front when the form has errors, as
 * screen reader users hear the title first. */
const char *
form_title(struct req *r, const struct form_errors *f, const char *title)
{
	if (f->n == 0)
		return title;
	return arena_printf(r->arena, "Error: %s", title);
}

/* A trimmed text field. Records `missing` when it is empty (unless missing
 * is NULL: optional) and `too_long` when it is over max bytes; returns the
 * value ("" when absent), never NULL except out of memory. */
const char *
form_text(struct req *r, const char *name, size_t max, struct form_errors *f,
    const char *field, const char *missing, const char *too_long)
{
	const char *v = req_form(r, name), *e;

	if (v == NULL)
		v = "";
	while (isspace((unsigned char)*v))
		v++;
	e = v + strlen(v);
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	v = arena_strndup(r->arena, v, (size_t)(e - v));
	if (v == NULL)
		return NULL;
	if (*v == '\0' && missing != NULL)
		form_error(f, field, missing);
	else if (strlen(v) > max)
		form_error(f, field, too_long);
	return v;
}

/* Characters (not bytes) in a UTF-8 string, as PostgreSQL counts them. */
size_t
form_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* A trimmed textarea as form_text, with the browser's CRLF line ends as
 * LF and max counted in characters, so that 2,000 characters typed are
 * 2,000 stored. NULL only when out of memory. */
const char *
form_long_text(struct req *r, const char *name, size_t max, struct form_errors *f,
    const char *field, const char *missing, const char *too_long)
{
	size_t before = f->n;
	const char *v = form_text(r, name, max * 4, f, field, missing, too_long);
	char *out, *o;

	if (v == NULL || (out = arena_strdup(r->arena, v)) == NULL)
		return NULL;
	for (o = out; *v != '\0'; v++)
		if (!(v[0] == '\r' && v[1] == '\n'))
			*o++ = *v;
	*o = '\0';
	if (f->n == before && form_chars(out) > max)
		form_error(f, field, too_long);
	return out;
}
