/* Runs OASIS ABNF test cases through the OData parser in syntax-only
 * mode (no entity): one case a line on stdin, "rule<TAB>failat<TAB>input"
 * (failat is -1 for a positive case; \t \n \r \\ escaped in the input),
 * one answer a line on stdout, "status<TAB>at": 0 when it parsed, else
 * 400 or 501 with the byte offset in the input where the parser put the
 * fault (-1 when it gave none). tests/integration/test_odata_abnf.py
 * chooses the cases and judges the answers.
 *
 * Rules: filter, orderby, orderBy, select and queryOptions are query
 * strings (odata_query_parse); the expression rules are a $filter value
 * as in a URL (percent-decoded first, offsets mapped back); the literal
 * rules are a one-literal $filter whose literal must be of the rule's
 * kind ("...Value" rules are payload values: not decoded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "odata/odata_impl.h"

struct literal_rule {
	const char	*rule;
	int		 decode;	/* a URL form: percent-decoded */
	const char	*kinds;		/* what it may be: b i n s d t, z (null), p (a property), * (any literal) */
};

static const struct literal_rule literal_rules[] = {
	{ "date", 1, "d" },
	{ "dateValue", 0, "d" },
	{ "dateTimeOffsetValue", 0, "t" },
	{ "dateTimeOffsetLiteral", 1, "t" },
	{ "dateTimeOffsetValueInUrl", 1, "t" },
	{ "decimalValue", 0, "in" },
	{ "decimalLiteral", 1, "in" },
	{ "doubleValue", 0, "in" },
	{ "doubleLiteral", 1, "in" },
	{ "int32Value", 0, "i" },
	{ "int64Value", 0, "i" },
	{ "boolean", 1, "b" },
	{ "stringLiteral", 1, "s" },
	{ "null", 1, "z" },
	{ "primitiveLiteral", 1, "*" },
	{ "guid", 1, "*" },
	{ "binaryLiteral", 1, "*" },
	{ "durationLiteral", 1, "*" },
	{ "singleLiteral", 1, "in" },
	{ "singleValue", 0, "in" },
	{ "byteValue", 0, "i" },
	{ "sbyteLiteral", 1, "i" },
	{ "sbyteValue", 0, "i" },
	{ "int16Literal", 1, "i" },
	{ "int16Value", 0, "i" },
	{ "int32Literal", 1, "i" },
	{ "int64Literal", 1, "i" },
	{ "timeOfDayLiteral", 1, "*" },
	{ "timeOfDayValue", 0, "*" },
	{ "enumLiteral", 1, "*" },
	{ "stringInUrl", 1, "*" },
	{ "odataIdentifier", 0, "p" },
	{ "geographyCollection", 1, "*" },
	{ "geographyLineString", 1, "*" },
	{ "geographyMultiLineString", 1, "*" },
	{ "geographyMultiPoint", 1, "*" },
	{ "geographyMultiPolygon", 1, "*" },
	{ "geographyPoint", 1, "*" },
	{ "geographyPolygon", 1, "*" },
	{ "geometryCollection", 1, "*" },
	{ "geometryLineString", 1, "*" },
	{ "geometryMultiLineString", 1, "*" },
	{ "geometryMultiPoint", 1, "*" },
	{ "geometryMultiPolygon", 1, "*" },
	{ "geometryPoint", 1, "*" },
	{ "geometryPolygon", 1, "*" },
};

static const char *const expr_rules[] = {
	"boolCommonExpr", "boolcommonExpr", "commonExpr", "notExpr", "isofExpr",
	"anyExpr", "firstMemberExpr", "propertyPathExpr",
};

static const char *const query_rules[] = {
	"filter", "orderby", "orderBy", "select", "queryOptions",
};

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes s into out, map[i] the offset in s of out[i]. A bad
 * escape is left as it is (the parser then stops at the '%'). */
static void
url_decode(const char *s, char *out, size_t *map)
{
	size_t i = 0, j = 0;
	int hi, lo;

	while (s[i] != '\0') {
		map[j] = i;
		if (s[i] == '%' && (hi = hexval(s[i + 1])) >= 0 && (lo = hexval(s[i + 2])) >= 0 &&
		    (hi | lo) != 0) {
			out[j++] = (char)(hi * 16 + lo);
			i += 3;
		} else
			out[j++] = s[i++];
	}
	map[j] = i;
	out[j] = '\0';
}

static int
kind_ok(const struct odata_expr *e, const char *kinds)
{
	char k;

	if (e->kind == N_PROPERTY)
		return strchr(kinds, 'p') != NULL;
	if (e->kind == N_NULL)
		k = 'z';
	else if (e->kind != N_LITERAL)
		return 0;
	else
		switch (e->type) {
		case VT_BOOLEAN: k = 'b'; break;
		case VT_INT32: case VT_INT64: k = 'i'; break;
		case VT_DECIMAL: case VT_DOUBLE: k = 'n'; break;
		case VT_STRING: k = 's'; break;
		case VT_DATE: k = 'd'; break;
		case VT_DATETIME: k = 't'; break;
		default: return 0;
		}
	return strchr(kinds, '*') != NULL || strchr(kinds, k) != NULL;
}

/* One case: prints its answer. */
static void
run(struct arena *a, const char *rule, const char *input)
{
	struct odata_query q;
	struct odata_error err;
	struct odata_expr *e;
	const struct literal_rule *lit = NULL;
	size_t n = strlen(input), i, *map;
	char *text;
	int is_expr = 0;

	for (i = 0; i < sizeof(query_rules) / sizeof(query_rules[0]); i++)
		if (strcmp(rule, query_rules[i]) == 0) {
			if (odata_query_parse(a, NULL, input, &q, &err) == 0)
				printf("0\t-1\n");
			else
				printf("%d\t%ld\n", err.status, err.query_at);
			return;
		}
	for (i = 0; i < sizeof(expr_rules) / sizeof(expr_rules[0]); i++)
		if (strcmp(rule, expr_rules[i]) == 0)
			is_expr = 1;
	for (i = 0; i < sizeof(literal_rules) / sizeof(literal_rules[0]); i++)
		if (strcmp(rule, literal_rules[i].rule) == 0)
			lit = &literal_rules[i];
	if (!is_expr && lit == NULL) {
		printf("-1\t-1\n");	/* a rule this runner does not know */
		return;
	}
	text = malloc(n + 1);
	map = malloc((n + 1) * sizeof(*map));
	if (text == NULL || map == NULL) {
		fprintf(stderr, "odata_abnf: out of memory\n");
		exit(2);
	}
	if (is_expr || lit->decode)
		url_decode(input, text, map);
	else {
		memcpy(text, input, n + 1);
		for (i = 0; i <= n; i++)
			map[i] = i;
	}
	if (odata_filter_parse(a, NULL, text, &e, &err) == -1)
		printf("%d\t%ld\n", err.status,
		    err.at >= 0 && (size_t)err.at <= strlen(text) ? (long)map[err.at] : -1L);
	else if (lit != NULL && !kind_ok(e, lit->kinds))
		printf("400\t0\n");	/* parsed, but not a literal of this kind */
	else
		printf("0\t-1\n");
	free(text);
	free(map);
}

/* Undoes the line's escapes in place. */
static void
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

int
main(void)
{
	char *line = NULL, *rule, *failat, *input;
	size_t cap = 0;
	ssize_t len;
	struct arena *a;

	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		rule = line;
		if ((failat = strchr(rule, '\t')) == NULL ||
		    (input = strchr(failat + 1, '\t')) == NULL) {
			printf("-1\t-1\n");
			continue;
		}
		*failat++ = '\0';
		*input++ = '\0';
		unescape(input);
		if ((a = arena_new(4096)) == NULL) {
			fprintf(stderr, "odata_abnf: out of memory\n");
			return 2;
		}
		run(a, rule, input);
		arena_free(a);
		fflush(stdout);
	}
	free(line);
	return 0;
}
