/* Skip tokens: a page's last order values and key, base64url-encoded
 * JSON (core/hex.h's bits_encode), checked against the query on the way
 * back in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/hex.h"
#include "odata/skiptoken.h"

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* FNV-1a over the parts, each ended by a byte no text holds. */
static unsigned long long
fnv(unsigned long long h, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0xff;
	return h * 0x100000001b3ULL;
}

unsigned long long
odata_token_check(const char *set, const char *filter, const char *orderby)
{
	return fnv(fnv(fnv(0xcbf29ce484222325ULL, set), filter), orderby);
}

/* Decodes base64url (no padding) into a NUL-ended arena string. */
static char *
unb64url(struct arena *ar, const char *s, size_t n)
{
	unsigned v = 0;
	size_t i, o = 0;
	int bits = 0;
	char *out;

	if (n % 4 == 1 || (out = arena_alloc(ar, n / 4 * 3 + 3)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		const char *p = s[i] != '\0' ? strchr(b64, s[i]) : NULL;

		if (p == NULL)
			return NULL;
		v = (v << 6 | (unsigned)(p - b64)) & 0xffffff;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (char)(v >> bits & 0xff);
		}
	}
	out[o] = '\0';
	return strlen(out) == o ? out : NULL;
}

int
odata_token_encode(struct buf *out, unsigned long long check, const char *const *values,
    size_t n)
{
	struct json_object *a = json_object_new_array();
	char hex[17], *enc;
	const char *text;
	size_t i, len;
	int rc = -1;

	if (a == NULL)
		return -1;
	snprintf(hex, sizeof(hex), "%016llx", check);
	json_object_array_add(a, json_object_new_string("q1"));
	json_object_array_add(a, json_object_new_string(hex));
	for (i = 0; i < n; i++)
		json_object_array_add(a, values[i] != NULL ?
		    json_object_new_string(values[i]) : NULL);
	if ((text = json_object_to_json_string_ext(a, JSON_C_TO_STRING_PLAIN)) != NULL &&
	    (len = strlen(text), enc = malloc((8 * len + 5) / 6 + 1)) != NULL) {
		bits_encode((const unsigned char *)text, len, b64, 6, enc);
		buf_puts(out, enc);
		free(enc);
		rc = out->oom ? -1 : 0;
	}
	json_object_put(a);
	return rc;
}

int
odata_token_decode(struct arena *ar, const char *token, unsigned long long check,
    size_t n, const char ***values)
{
	struct json_object *a = NULL, *v;
	const char **out;
	char hex[17], *text;
	size_t len = strlen(token), i;
	int rc = -1;

	if (len == 0 || len > ODATA_TOKEN_MAX || (text = unb64url(ar, token, len)) == NULL ||
	    (a = json_tokener_parse(text)) == NULL || !json_object_is_type(a, json_type_array) ||
	    json_object_array_length(a) != n + 2)
		goto out;
	snprintf(hex, sizeof(hex), "%016llx", check);
	v = json_object_array_get_idx(a, 0);
	if (!json_object_is_type(v, json_type_string) ||
	    strcmp(json_object_get_string(v), "q1") != 0)
		goto out;
	v = json_object_array_get_idx(a, 1);
	if (!json_object_is_type(v, json_type_string) ||
	    strcmp(json_object_get_string(v), hex) != 0)
		goto out;
	if ((out = arena_calloc(ar, n + 1, sizeof(*out))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		v = json_object_array_get_idx(a, i + 2);
		if (v == NULL)
			continue;
		if (!json_object_is_type(v, json_type_string) ||
		    (out[i] = arena_strdup(ar, json_object_get_string(v))) == NULL)
			goto out;
	}
	*values = out;
	rc = 0;
out:
	json_object_put(a);
	return rc;
}
