/* What every administration file shares: the result codes, agency kinds,
 * reading result columns into the request's arena, and the one audit row
 * of a change (only the fields that changed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/audit.h"
#include "store/pg.h"

const struct agency_kind_def agency_kinds[AGENCY_KINDS_N] = {
	{ "police", "Police" },
	{ "local_authority", "Local authority" },
	{ "housing_provider", "Housing provider" },
	{ "third_sector", "Third-sector partner" },
};

/* The label of an agency kind, or the code itself when unknown. */
const char *
agency_kind_label(const char *code)
{
	size_t i;

	for (i = 0; i < AGENCY_KINDS_N; i++)
		if (strcmp(agency_kinds[i].code, code) == 0)
			return agency_kinds[i].label;
	return code;
}

void
admin_id_text(long long id, char out[24])
{
	snprintf(out, 24, "%lld", id);
}

/* Writes the audit row of a change from old_obj to new_obj (either may be
 * NULL: a creation has no old state), with only the fields that differ.
 * *changed says whether anything did; when nothing did, no row is written.
 * Takes ownership of old_obj and new_obj. Returns 0, or -1 (roll back). */
int
admin_change_audit(struct pg *pg, const struct actor *a, const char *entity,
    long long id, const char *action, struct json_object *old_obj,
    struct json_object *new_obj, const char *reason, int *changed)
{
	struct json_object *before = NULL, *after = NULL;
	char sid[24];
	int rc = -1;

	*changed = 0;
	if (audit_diff(old_obj, new_obj, &before, &after) == -1)
		goto out;
	if (before == NULL && after == NULL) {
		rc = 0;
		goto out;
	}
	*changed = 1;
	admin_id_text(id, sid);
	rc = audit_append(pg, a, entity, sid, action, before, after,
	    reason != NULL && *reason != '\0' ? reason : NULL);
out:
	json_object_put(before);
	json_object_put(after);
	json_object_put(old_obj);
	json_object_put(new_obj);
	return rc;
}

/* A column's text, copied into the arena (a result's memory goes with it);
 * NULL only when out of memory. */
char *
admin_col(struct arena *ar, PGresult *res, int row, int col)
{
	return arena_strdup(ar, PQgetvalue(res, row, col));
}

long long
admin_col_id(PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

int
admin_col_bool(PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col)[0] == 't';
}

/* Splits the text of a PostgreSQL array of simple words ("{a,b}": codes
 * and permission names, which never need quoting) into arena strings.
 * Returns how many; *items is NULL when there are none or memory ran out. */
size_t
admin_array_split(struct arena *ar, const char *s, const char ***items)
{
	const char **out;
	size_t n = 0, cap, len;

	*items = NULL;
	if (s == NULL || *s++ != '{' || *s == '}')
		return 0;
	for (cap = 1, len = 0; s[len] != '\0'; len++)
		if (s[len] == ',')
			cap++;
	if ((out = arena_calloc(ar, cap, sizeof(*out))) == NULL)
		return 0;
	while (*s != '\0' && *s != '}' && n < cap) {
		len = strcspn(s, ",}");
		if ((out[n] = arena_strndup(ar, *s == '"' ? s + 1 : s,
		    *s == '"' && len >= 2 ? len - 2 : len)) == NULL)
			return 0;
		n++;
		s += len;
		if (*s == ',')
			s++;
	}
	*items = out;
	return n;
}

/* Adds the user ids in the first column of res to the sessions to end.
 * Returns 0 or -1 when out of memory. */
int
admin_revoke_rows(struct arena *ar, PGresult *res, struct admin_revoke *rv)
{
	long long *ids;
	int i, n = PQntuples(res);

	if (n == 0)
		return 0;
	if ((ids = arena_calloc(ar, rv->n + (size_t)n, sizeof(*ids))) == NULL)
		return -1;
	if (rv->n > 0)
		memcpy(ids, rv->ids, rv->n * sizeof(*ids));
	for (i = 0; i < n; i++)
		ids[rv->n + (size_t)i] = admin_col_id(res, i, 0);
	rv->ids = ids;
	rv->n += (size_t)n;
	return 0;
}
