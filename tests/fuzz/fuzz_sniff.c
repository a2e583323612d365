/* File types from their bytes (core/sniff.c). The input is byte 0, n, the
 * length of a chunk plan, then the plan, then the file. Fed whole or in
 * the planned chunks, the file must get the same verdict. */
#include "fuzz.h"

#include "core/sniff.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct sniff s;
	struct sniff_type whole, split;
	struct chunks plan;
	size_t off = 0, k;

	if (chunks_take(&data, &n, &plan) == -1)
		return 0;

	sniff_bytes(data, n, &whole);
	sniff_init(&s);
	while (off < n) {
		k = chunk_next(&plan, n - off);
		sniff_feed(&s, data + off, k);
		off += k;
		/* Asking half-way is allowed, and must not change the end. */
		sniff_result(&s, &split);
	}
	sniff_result(&s, &split);
	CHECK(strcmp(whole.media_type, split.media_type) == 0);
	CHECK(strcmp(whole.ext, split.ext) == 0);
	CHECK(whole.category == split.category);
	CHECK(whole.width == split.width && whole.height == split.height);
	CHECK(whole.has_size == split.has_size);
	/* The extension table agrees with the verdict. */
	CHECK(strcmp(sniff_ext_for(whole.media_type), whole.ext) == 0);
	CHECK(strcmp(sniff_category_name(whole.category), "") != 0);
	/* Unknown is refused; a photo declares its size. */
	CHECK((whole.category == SNIFF_UNKNOWN) == (strcmp(whole.media_type,
	    "application/octet-stream") == 0));
	CHECK(whole.category != SNIFF_PHOTO || whole.has_size);
	if (sniff_size_ok(&whole, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS) && whole.has_size)
		CHECK(whole.width > 0 && whole.height > 0 && whole.width <= SNIFF_MAX_SIDE &&
		    whole.height <= SNIFF_MAX_SIDE);
	return 0;
}
