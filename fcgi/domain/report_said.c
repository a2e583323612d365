/* What a report says beyond its answers (domain/report_said.h). */
#include <stddef.h>
#include <string.h>

#include <json-c/json.h>

#include "domain/report.h"
#include "domain/report_said.h"

static void
text_add(struct json_object *o, const char *key, const char *v)
{
	if (v != NULL && *v != '\0')
		json_object_object_add(o, key, json_object_new_string(v));
}

/* The triage facts as true or false; a fact not asked (-1) is left out. */
struct json_object *
report_impact_json(const struct report_input *in)
{
	const struct {
		const char	*key;
		int		 v;
	} facts[] = {
		{ "feels_unsafe", in->feels_unsafe }, { "vulnerable", in->vulnerable },
		{ "targeted", in->targeted }, { "happened_before", in->happened_before },
		{ "at_risk", in->happening_now }, { "for_someone_else", in->for_someone_else },
	};
	struct json_object *o = json_object_new_object();
	size_t i;

	text_add(o, "impact", in->impact);
	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++)
		if (facts[i].v >= 0)
			json_object_object_add(o, facts[i].key,
			    json_object_new_boolean(facts[i].v));
	if (in->for_someone_else > 0) {
		text_add(o, "for_whom", in->for_whom);
		text_add(o, "for_whom_relation", in->for_whom_relation);
	}
	return o;
}

/* A partner's answer about its tenants: null when it did not know. */
static struct json_object *
partner_side(int tenant, const char *who)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "tenant", tenant < 0 ? NULL : json_object_new_boolean(tenant > 0));
	json_object_object_add(o, "who", json_object_new_string(who != NULL ? who : ""));
	return o;
}

struct json_object *
report_partner_json(const struct report_input *in)
{
	struct json_object *o;

	if (strcmp(in->channel, "partner") != 0)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "reference", json_object_new_string(
	    in->partner_reference ? in->partner_reference : ""));
	json_object_object_add(o, "tenancy_reference", json_object_new_string(
	    in->tenancy_reference ? in->tenancy_reference : ""));
	/* null: the partner did not know */
	json_object_object_add(o, "involves_tenants", in->involves_tenants < 0 ? NULL :
	    json_object_new_boolean(in->involves_tenants > 0));
	json_object_object_add(o, "affected", partner_side(in->affected_tenant, in->affected));
	json_object_object_add(o, "responsible",
	    partner_side(in->responsible_tenant, in->responsible));
	return o;
}
