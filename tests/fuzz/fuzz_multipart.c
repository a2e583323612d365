/* multipart/form-data (http/multipart.c), streamed. The input is
 *   byte 0        which limits (the defaults, or small ones)
 *   byte 1        n, the length of the chunk plan
 *   n bytes       the chunk plan (sizes of the pieces the body is fed in)
 *   up to '\n'    the Content-Type header value
 *   the rest      the body
 * The body is parsed twice, whole and in the planned chunks: both parses
 * must tell the callbacks exactly the same story and end the same way. */
#include "fuzz.h"

#include "http/multipart.h"

/* What the callbacks saw, folded into a hash (FNV-1a), and counts. */
struct story {
	uint64_t	h;
	size_t		parts;
	size_t		files;
	size_t		data;		/* bytes of the current part so far */
	int		in_part;
};

static void
fold(struct story *s, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n-- > 0)
		s->h = (s->h ^ *c++) * 1099511628211ULL;
}

static void
fold_str(struct story *s, const char *p)
{
	fold(s, p, strlen(p) + 1);
}

static int
on_begin(void *arg, const struct multipart_part *p)
{
	struct story *s = arg;
	const unsigned char *f;

	CHECK(!s->in_part);
	CHECK(p->index == s->parts);
	CHECK(p->size == 0);
	CHECK(p->name != NULL && p->name[0] != '\0');
	CHECK(strlen(p->name) <= MULTIPART_NAME_MAX);
	CHECK(p->content_type != NULL && strlen(p->content_type) <= MULTIPART_CTYPE_MAX);
	CHECK(!p->is_file || (p->filename != NULL && p->filename[0] != '\0'));
	if (p->filename != NULL) {
		/* Only the last path component, no controls, within the limit. */
		CHECK(strlen(p->filename) <= MULTIPART_FILENAME_MAX);
		CHECK(strpbrk(p->filename, "/\\") == NULL);
		for (f = (const unsigned char *)p->filename; *f != '\0'; f++)
			CHECK(*f >= 0x20 && *f != 0x7f);
		CHECK(strcmp(p->filename, ".") != 0 && strcmp(p->filename, "..") != 0);
	}
	s->in_part = 1;
	s->parts++;
	s->files += p->is_file;
	s->data = 0;
	fold_str(s, "begin");
	fold_str(s, p->name);
	fold_str(s, p->filename != NULL ? p->filename : "(field)");
	fold_str(s, p->content_type);
	fold(s, &p->is_file, sizeof(p->is_file));
	fold(s, &p->had_path, sizeof(p->had_path));
	return 0;
}

static int
on_data(void *arg, const struct multipart_part *p, const char *d, size_t n)
{
	struct story *s = arg;

	CHECK(s->in_part);
	CHECK(n > 0);
	s->data += n;
	CHECK(p->size == s->data);
	/* Data is folded byte by byte: how it was split does not count. */
	fold(s, d, n);
	return 0;
}

static int
on_end(void *arg, const struct multipart_part *p)
{
	struct story *s = arg;

	CHECK(s->in_part);
	CHECK(p->size == s->data);
	s->in_part = 0;
	fold_str(s, "end");
	fold(s, &p->size, sizeof(p->size));
	return 0;
}

static const struct multipart_callbacks cbs = { on_begin, on_data, on_end };

static enum multipart_err
run(const char *ct, const uint8_t *body, size_t len, const struct multipart_limits *lim,
    struct chunks *plan, struct story *s, struct multipart *mp)
{
	enum multipart_err e;
	size_t off = 0, k;
	char msg[512];

	memset(s, 0, sizeof(*s));
	s->h = 14695981039346656037ULL;
	if ((e = multipart_init(mp, ct, lim)) == MULTIPART_OK) {
		multipart_callbacks(mp, &cbs, s);
		while (off < len && e == MULTIPART_OK) {
			k = chunk_next(plan, len - off);
			e = multipart_feed(mp, (const char *)body + off, k);
			off += k;
		}
		if (e == MULTIPART_OK)
			e = multipart_finish(mp);
	}
	/* Every error has a message and a status. */
	CHECK(multipart_strerror(e) != NULL);
	CHECK(multipart_status(e) >= 200 && multipart_status(e) < 500);
	multipart_explain(mp, msg, sizeof(msg));
	CHECK(memchr(msg, '\0', sizeof(msg)) != NULL);
	CHECK(e != MULTIPART_OK || !s->in_part);
	CHECK(s->parts <= mp->lim.parts_max && s->files <= mp->lim.files_max);
	return e;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const struct multipart_limits small = {
		.parts_max = 6, .files_max = 2, .header_max = 300, .headers_max = 4,
		.file_max = 600, .field_max = 100, .total_max = 4000, .filename_max = 20,
	};
	static struct multipart whole, split;
	struct chunks none = { NULL, 0, 0 }, plan;
	struct story a, b;
	const struct multipart_limits *lim;
	const uint8_t *nl;
	enum multipart_err ea, eb;
	size_t ctlen;
	char ct[512];

	if (n < 1)
		return 0;
	lim = data[0] & 1 ? &small : NULL;
	data++;
	n--;
	if (chunks_take(&data, &n, &plan) == -1)
		return 0;
	nl = memchr(data, '\n', n);
	ctlen = nl != NULL ? (size_t)(nl - data) : n;
	if (ctlen >= sizeof(ct))
		return 0;
	memcpy(ct, data, ctlen);
	ct[ctlen] = '\0';
	data += ctlen + (nl != NULL);
	n -= ctlen + (nl != NULL);

	ea = run(ct, data, n, lim, &none, &a, &whole);
	eb = run(ct, data, n, lim, &plan, &b, &split);
	/* A body over the total is refused by the feed that crosses it, so
	 * the chunks decide how much is parsed first; otherwise the verdict
	 * is the same, and a parse that succeeds tells the same story. */
	if (n <= whole.lim.total_max)
		CHECK(ea == eb);
	if (ea == MULTIPART_OK && eb == MULTIPART_OK)
		CHECK(a.h == b.h && a.parts == b.parts && a.files == b.files);
	return 0;
}
