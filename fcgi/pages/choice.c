/* The words of an incident's coded values (status, sharing) and the
 * options of the selects that choose them, shared by the incident list and
 * the incident page. */
#include <string.h>

#include "core/arena.h"
#include "domain/flags.h"
#include "domain/incident.h"
#include "pages/choice.h"
#include "view/view.h"

const struct choice status_labels[] = {
	{ "new", "New" },
	{ "open", "Open" },
	{ "allocated", "Allocated" },
	{ "in_progress", "In progress" },
	{ "monitoring", "Monitoring" },
	{ "closed", "Closed" },
};

const size_t status_labels_n = NCHOICES(status_labels);

const struct choice risk_labels[] = {
	{ "high", "High" }, { "medium", "Medium" }, { "standard", "Standard" },
};

const size_t risk_labels_n = NCHOICES(risk_labels);

/* How often it keeps happening, as the public form asks it. */
const struct choice often_labels[] = {
	{ "every_day", "every day" },
	{ "several_times_a_week", "several times a week" },
	{ "weekly", "about once a week" },
	{ "less_often", "less often than once a week" },
};

const size_t often_labels_n = NCHOICES(often_labels);

/* How an incident arrived, as "Created by ..." reads it. */
static const struct choice channel_labels[] = {
	{ "public", "the public reporting form" },
	{ "partner", "a partner's report" },
	{ "police", "a police officer" },
	{ "call_handler", "a call handler" },
	{ "cad", "the command and control system" },
	{ "open311", "the Open311 API" },
};

/* Indexed by enum flag. */
static const char *const flag_labels[FLAGS] = {
	[FLAG_URGENT] = "Urgent",
	[FLAG_VULNERABLE] = "Vulnerable victim",
	[FLAG_REPEAT_VICTIM] = "Repeat victim",
	[FLAG_REPEAT_LOCATION] = "Repeat location",
	[FLAG_REPEAT_SUBJECT] = "Repeat subject",
	[FLAG_HATE] = "Hate motivated",
};

/* The ?flag= values of the lists' filters, indexed by enum flag. */
static const char *const flag_values[FLAGS] = {
	[FLAG_URGENT] = "urgent",
	[FLAG_VULNERABLE] = "vulnerable",
	[FLAG_REPEAT_VICTIM] = "repeat_victim",
	[FLAG_REPEAT_LOCATION] = "repeat_location",
	[FLAG_REPEAT_SUBJECT] = "repeat_subject",
	[FLAG_HATE] = "hate",
};

/* The flag filter's choices, indexed by enum flag. */
void
flag_choices(struct choice out[])
{
	int i;

	for (i = 0; i < FLAGS; i++) {
		out[i].value = flag_values[i];
		out[i].label = flag_labels[i];
	}
}

/* The choice whose value is v, or -1. */
int
choice_find(const struct choice *c, size_t n, const char *v)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		if (strcmp(c[i].value, v) == 0)
			return (int)i;
	return -1;
}

/* The label of v, or v itself when it is not one of the choices. */
const char *
choice_label(const struct choice *c, size_t n, const char *v)
{
	int i = choice_find(c, n, v);

	return i >= 0 ? c[i].label : v;
}

/* A list of codes ("evening,night") as a person says it, each by its
 * label in c: "evenings and nights", "a, b and c". "" for none; NULL
 * when out of memory. */
const char *
choice_list_words(struct arena *a, const struct choice *c, size_t n, const char *codes)
{
	const char *out = "", *sep, *next, *code;

	for (; codes != NULL && *codes != '\0'; codes = *next != '\0' ? next + 1 : next) {
		next = codes + strcspn(codes, ",");
		sep = *out == '\0' ? "" : *next == '\0' ? " and " : ", ";
		if ((code = arena_strndup(a, codes, (size_t)(next - codes))) == NULL ||
		    (out = arena_printf(a, "%s%s%s", out, sep, choice_label(c, n, code))) == NULL)
			return NULL;
	}
	return out;
}

/* The options of a select, the one matching selected marked. 0 or -1. */
int
options_dict(struct view_dict *d, const char *section, const struct choice *c,
    size_t n, const char *selected)
{
	struct view_dict *o;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((o = view_section(d, section)) == NULL ||
		    view_set(o, "VALUE", c[i].value) == -1 ||
		    view_set(o, "LABEL", c[i].label) == -1)
			return -1;
		if (selected != NULL && strcmp(selected, c[i].value) == 0 &&
		    view_show(o, "SELECTED") == -1)
			return -1;
	}
	return 0;
}

const char *
status_label(const char *v)
{
	return choice_label(status_labels, status_labels_n, v);
}

const char *
risk_label(const char *v)
{
	return choice_label(risk_labels, risk_labels_n, v);
}

const char *
channel_label(const char *v)
{
	return choice_label(channel_labels, NCHOICES(channel_labels), v);
}

/* The words of a flag (enum flag), "" when out of range. */
const char *
flag_label(int f)
{
	return f >= 0 && f < FLAGS ? flag_labels[f] : "";
}

static const char *
sharing_label(const struct incident *in)
{
	if (strcmp(in->sharing, "partnership") == 0)
		return "The partnership (police and council)";
	if (strcmp(in->sharing, "agency") == 0)
		return "Owning agency only";
	return in->shared_names;
}

/* The fields the list and the page both show of an incident. 0 or -1. */
int
incident_fields(struct view_dict *d, const struct incident *in)
{
	return view_set(d, "REFERENCE", in->reference) == -1 ||
	    view_set(d, "TYPE", in->type) == -1 ||
	    view_set(d, "STATUS", status_label(in->status)) == -1 ||
	    view_set(d, "DESCRIPTION", in->description) == -1 ||
	    view_set(d, "ADDRESS", in->address) == -1 ||
	    view_set(d, "POSTCODE", in->postcode) == -1 ||
	    view_set(d, "REPORTED", in->reported) == -1 ||
	    view_set(d, "OWNER", in->owner) == -1 ||
	    view_set(d, "SHARING", sharing_label(in)) == -1 ? -1 : 0;
}
