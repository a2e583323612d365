/* The OData feed's skip token (odata/skiptoken.c): text any client sends
 * back in $skiptoken. */
#include "fuzz.h"

#include "odata/skiptoken.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *s = fuzz_string(data, n);
	struct arena *ar = arena_new(4096);
	unsigned long long check = odata_token_check("Incidents", NULL, "reported_at desc");
	const char **v, **w;
	struct buf b = {0};
	size_t k;

	CHECK(ar != NULL);
	/* Whatever decodes goes round: encoded again, it decodes the same. */
	for (k = 1; k <= 3; k++)
		if (odata_token_decode(ar, s, check, k, &v) == 0) {
			buf_reset(&b);
			CHECK(odata_token_encode(&b, check, v, k) == 0);
			CHECK(odata_token_decode(ar, buf_cstr(&b), check, k, &w) == 0);
			while (k-- > 0)
				CHECK((v[k] == NULL && w[k] == NULL) ||
				    (v[k] != NULL && w[k] != NULL && strcmp(v[k], w[k]) == 0));
			/* and never for another query */
			CHECK(odata_token_decode(ar, buf_cstr(&b), check + 1, 1, &w) == -1 ||
			    check + 1 == check);
			break;
		}
	/* Any values go round. */
	{
		const char *vals[2] = { s, n % 2 ? NULL : "12" };

		buf_reset(&b);
		CHECK(odata_token_encode(&b, check, vals, 2) == 0);
		if (b.len <= ODATA_TOKEN_MAX && strlen(s) == n) {
			CHECK(odata_token_decode(ar, buf_cstr(&b), check, 2, &w) == 0);
			CHECK(strcmp(w[0], s) == 0);
		}
	}
	buf_free(&b);
	arena_free(ar);
	free(s);
	return 0;
}
