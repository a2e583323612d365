/* Compiles OData queries for the unit tests' entity (odata_entity.h) and
 * prints the SQL, so tests/integration/test_odata_sql_pg.py can run it
 * on PostgreSQL. One request a line on stdin:
 *   kind<TAB>limit<TAB>query[<TAB>after...]
 * kind is "select" or "count"; the after values (a skip token's, \N for
 * NULL; \t \n \\ escaped) are given only for a next page. One JSON
 * object a line on stdout: {"sql": "...", "params": [...]} or
 * {"status": 400, "code": "...", "message": "..."}. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "odata/odata.h"
#include "odata_entity.h"

#define MAX_FIELDS	(3 + ODATA_MAX_ORDER + 1)

static void
json_string(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* Undoes a field's escapes in place; NULL for \N. */
static char *
field(char *s)
{
	char *o = s, *r = s;

	if (strcmp(s, "\\N") == 0)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else
			*o++ = *s;
	}
	*o = '\0';
	return r;
}

static void
answer(struct arena *a, char **f, size_t nf)
{
	struct odata_query q;
	struct odata_error err;
	struct odata_sql s;
	const char *after[ODATA_MAX_ORDER + 1];
	size_t i;
	int rc;

	if (odata_query_parse(a, &test_entity, f[2], &q, &err) == 0) {
		for (i = 3; i < nf; i++)
			after[i - 3] = field(f[i]);
		if (strcmp(f[0], "count") == 0)
			rc = odata_sql_count(a, &q, &s, &err);
		else
			rc = odata_sql_select(a, &q, nf > 3 ? after : NULL, nf - 3,
			    atoll(f[1]), &s, &err);
		if (rc == 0) {
			printf("{\"sql\": ");
			json_string(buf_cstr(&s.sql));
			printf(", \"params\": [");
			for (i = 0; i < (size_t)s.nparams; i++) {
				printf(i ? ", " : "");
				json_string(s.params[i]);
			}
			printf("]}\n");
			odata_sql_free(&s);
			return;
		}
	}
	printf("{\"status\": %d, \"code\": ", err.status);
	json_string(err.code);
	printf(", \"message\": ");
	json_string(err.message);
	printf("}\n");
}

int
main(void)
{
	char *line = NULL, *f[MAX_FIELDS], *p;
	size_t cap = 0, nf;
	ssize_t len;
	struct arena *a;

	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		for (nf = 0, p = line; nf < MAX_FIELDS; nf++) {
			f[nf] = p;
			if ((p = strchr(p, '\t')) == NULL) {
				nf++;
				break;
			}
			*p++ = '\0';
		}
		if (nf < 3) {
			printf("{\"status\": 0, \"code\": \"usage\", \"message\": \"kind, limit, query\"}\n");
			fflush(stdout);
			continue;
		}
		f[2] = field(f[2]);
		if ((a = arena_new(4096)) == NULL)
			return 2;
		answer(a, f, nf);
		arena_free(a);
		fflush(stdout);
	}
	free(line);
	return 0;
}
