/* Evidence files on disk, in a temporary folder: stored under their hash,
 * stored once however often they are sent, and never left half-written
 * under a final name — nor as a temporary file — when refused or aborted.
 * Also the configuration keys that place them and the download names. */
#include "test.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/evidence.h"
#include "domain/evidence_store.h"

static char root[64];
static size_t nfiles, ndirs;

static int
count_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)path;
	(void)st;
	(void)ftw;
	if (type == FTW_F)
		nfiles++;
	else if (type == FTW_D || type == FTW_DP)
		ndirs++;
	return 0;
}

/* Regular files anywhere under root. */
static size_t
files_under(const char *dir)
{
	nfiles = ndirs = 0;
	nftw(dir, count_entry, 16, FTW_PHYS);
	return nfiles;
}

static int
remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/concord-evidence-XXXXXX");
	return mkdtemp(root) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A small valid PNG header (64 x 48) and some bytes after it. */
static size_t
png_bytes(unsigned char *out, size_t len, unsigned char fill)
{
	static const unsigned char head[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
		0, 0, 0, 64, 0, 0, 0, 48, 8, 2, 0, 0, 0, 0x5a, 0x3e, 0x20, 0x11 };

	memset(out, fill, len);
	memcpy(out, head, sizeof(head));
	return len;
}

static void
sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char md[32];
	unsigned mdlen, i;

	assert_int_equal(EVP_Digest(p, n, md, &mdlen, EVP_sha256(), NULL), 1);
	for (i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* Streams n bytes through the store in chunks of step. */
static enum evidence_store_err
store(const void *p, size_t n, size_t step, const struct evidence_limits *lim,
    struct stored_file *f)
{
	struct evidence_write w;
	enum evidence_store_err e;
	size_t off, k;

	if ((e = evidence_store_begin(&w, root, lim)) != STORE_OK)
		return e;
	for (off = 0; off < n; off += k) {
		k = n - off < step ? n - off : step;
		if ((e = evidence_store_write(&w, (const char *)p + off, k)) != STORE_OK) {
			evidence_store_abort(&w);
			return e;
		}
	}
	e = evidence_store_commit(&w, f);
	evidence_store_abort(&w);	/* harmless after a commit */
	return e;
}

static void
a_file_is_stored_under_its_hash(void **state)
{
	static unsigned char data[100000];
	struct stored_file f;
	char want[65], path[PATH_MAX], want_path[80];
	struct stat st;
	FILE *fp;
	unsigned char *back;

	(void)state;
	png_bytes(data, sizeof(data), 0x42);
	sha256_hex(data, sizeof(data), want);
	assert_int_equal(store(data, sizeof(data), 4000, NULL, &f), STORE_OK);
	assert_string_equal(f.sha256, want);
	snprintf(want_path, sizeof(want_path), "%.2s/%.2s/%s", want, want + 2, want);
	assert_string_equal(f.path, want_path);
	assert_int_equal(f.size, sizeof(data));
	assert_string_equal(f.media_type, "image/png");
	assert_string_equal(f.category, "photo");
	assert_string_equal(f.ext, "png");
	assert_int_equal(f.width, 64);
	assert_int_equal(f.height, 48);
	assert_false(f.duplicate);
	snprintf(path, sizeof(path), "%s/%s", root, f.path);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, sizeof(data));
	assert_int_equal(st.st_mode & 07777, 0644);	/* nginx's user reads it */
	back = malloc(sizeof(data));
	assert_non_null(fp = fopen(path, "rb"));
	assert_int_equal(fread(back, 1, sizeof(data), fp), sizeof(data));
	fclose(fp);
	assert_memory_equal(back, data, sizeof(data));
	free(back);
	/* The one file, and nothing left in tmp/. */
	assert_int_equal(files_under(root), 1);
	snprintf(path, sizeof(path), "%s/tmp", root);
	assert_int_equal(files_under(path), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
}

static void
identical_content_is_stored_once(void **state)
{
	static unsigned char data[5000];
	struct stored_file a, b, c;

	(void)state;
	png_bytes(data, sizeof(data), 1);
	assert_int_equal(store(data, sizeof(data), 1000, NULL, &a), STORE_OK);
	assert_false(a.duplicate);
	assert_int_equal(store(data, sizeof(data), 7, NULL, &b), STORE_OK);
	assert_true(b.duplicate);
	assert_string_equal(a.sha256, b.sha256);
	assert_string_equal(a.path, b.path);
	assert_int_equal(files_under(root), 1);
	/* Different bytes: a second file. */
	data[sizeof(data) - 1] ^= 1;
	assert_int_equal(store(data, sizeof(data), 1000, NULL, &c), STORE_OK);
	assert_false(c.duplicate);
	assert_string_not_equal(a.sha256, c.sha256);
	assert_int_equal(files_under(root), 2);
}

static void
an_aborted_upload_leaves_nothing(void **state)
{
	static unsigned char data[20000];
	struct evidence_write w;
	struct stored_file f;
	char tmp[PATH_MAX];

	(void)state;
	png_bytes(data, sizeof(data), 9);
	assert_int_equal(evidence_store_begin(&w, root, NULL), STORE_OK);
	assert_int_equal(evidence_store_write(&w, data, sizeof(data) / 2), STORE_OK);
	snprintf(tmp, sizeof(tmp), "%s/tmp", root);
	assert_int_equal(files_under(tmp), 1);	/* the upload in progress */
	evidence_store_abort(&w);
	evidence_store_abort(&w);
	assert_int_equal(files_under(root), 0);
	/* Nothing can be committed after an abort. */
	assert_int_not_equal(evidence_store_commit(&w, &f), STORE_OK);
	assert_int_equal(files_under(root), 0);
	/* Only tmp/ exists: no hash folder was made. */
	files_under(root);
	assert_int_equal(ndirs, 2);
}

static void
refused_files_leave_nothing(void **state)
{
	static unsigned char data[50000];
	static const char elf[] = "\x7f" "ELF\x02\x01\x01\x00 pretending to be photo.jpg";
	struct evidence_limits lim = evidence_limits_default;
	struct stored_file f;
	unsigned char big_png[33];

	(void)state;
	/* A renamed executable, small and large. */
	assert_int_equal(store(elf, sizeof(elf) - 1, 5, NULL, &f), STORE_BAD_TYPE);
	memset(data, 0, sizeof(data));
	memcpy(data, "MZ\x90\x00", 4);
	assert_int_equal(store(data, sizeof(data), 8192, NULL, &f), STORE_BAD_TYPE);
	/* Over the size limit. */
	lim.file_max = 10000;
	png_bytes(data, 10001, 3);
	assert_int_equal(store(data, 10001, 3000, &lim, &f), STORE_TOO_LARGE);
	assert_int_equal(store(data, 10000, 3000, &lim, &f), STORE_OK);
	assert_int_equal(files_under(root), 1);
	/* A PNG declaring 50000 x 50000 pixels: refused as soon as it is read. */
	png_bytes(big_png, sizeof(big_png), 0);
	big_png[18] = 0xc3;	/* width 0x0000c350 = 50000 */
	big_png[19] = 0x50;
	big_png[22] = 0xc3;
	big_png[23] = 0x50;
	assert_int_equal(store(big_png, sizeof(big_png), 33, NULL, &f), STORE_BAD_IMAGE);
	/* Empty. */
	assert_int_equal(store("", 0, 1, NULL, &f), STORE_EMPTY);
	/* Only the one good file, and tmp/ empty. */
	assert_int_equal(files_under(root), 1);
	assert_string_equal(evidence_store_strerror(STORE_EMPTY),
	    "The file is empty. Choose the file again.");
}

static void
a_missing_folder_is_made_and_an_unusable_one_refused(void **state)
{
	char dir[PATH_MAX];
	struct evidence_write w;
	struct stored_file f;
	unsigned char data[100];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/new", root);
	assert_int_equal(evidence_store_begin(&w, dir, NULL), STORE_OK);
	png_bytes(data, sizeof(data), 0);
	assert_int_equal(evidence_store_write(&w, data, sizeof(data)), STORE_OK);
	assert_int_equal(evidence_store_commit(&w, &f), STORE_OK);
	snprintf(dir, sizeof(dir), "%s/new/%s", root, f.path);
	assert_int_equal(access(dir, R_OK), 0);
	assert_int_equal(evidence_store_begin(&w, "", NULL), STORE_IO);
	evidence_store_abort(&w);
	snprintf(dir, sizeof(dir), "%s/new/%s/below-a-file", root, f.path);
	assert_int_equal(evidence_store_begin(&w, dir, NULL), STORE_IO);
	evidence_store_abort(&w);
}

static void
store_paths_need_a_real_hash(void **state)
{
	char out[80];

	(void)state;
	assert_int_equal(evidence_store_path(
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "e3/b0/"
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_int_equal(evidence_store_path("../../etc/passwd", out, sizeof(out)), -1);
	assert_int_equal(evidence_store_path(
	    "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", out,
	    sizeof(out)), -1);
	assert_int_equal(evidence_store_path(
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/", out,
	    sizeof(out)), -1);
}

static void
download_names_are_ascii_with_the_real_extension(void **state)
{
	struct arena *a = arena_new(0);

	(void)state;
	assert_string_equal(evidence_download_name(a, 7, "Front door (night).jpeg",
	    "image/jpeg"), "Front door (night).jpg");
	assert_string_equal(evidence_download_name(a, 7, "malware.exe", "image/png"),
	    "malware.png");
	assert_string_equal(evidence_download_name(a, 7, "say \"hi\"; x=y.pdf",
	    "application/pdf"), "say _hi_ x_y.pdf");
	assert_string_equal(evidence_download_name(a, 7, "\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe.png",
	    "image/png"), "evidence-7.png");
	assert_string_equal(evidence_download_name(a, 7, "caf\xc3\xa9 noise.m4a",
	    "audio/mp4"), "caf_ noise.m4a");
	assert_string_equal(evidence_download_name(a, 12, ".hidden", "text/plain"),
	    "hidden.txt");
	assert_string_equal(evidence_download_name(a, 12, NULL, "video/mp4"),
	    "evidence-12.mp4");
	arena_free(a);
}

#define DRAFT "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* Streams n bytes into the unsent files of draft. */
static enum evidence_store_err
store_draft(const char *draft, const void *p, size_t n, struct stored_file *f)
{
	struct evidence_write w;
	enum evidence_store_err e;

	if ((e = evidence_store_begin_draft(&w, root, draft, NULL)) != STORE_OK)
		return e;
	if ((e = evidence_store_write(&w, p, n)) == STORE_OK)
		e = evidence_store_commit(&w, f);
	evidence_store_abort(&w);
	return e;
}

static void
an_unsent_file_is_kept_apart_until_it_is_sent(void **state)
{
	static unsigned char data[5000];
	struct stored_file f, sent;
	char sha[65], path[PATH_MAX], want[200];
	struct stat st, st2;

	(void)state;
	png_bytes(data, sizeof(data), 0x17);
	sha256_hex(data, sizeof(data), sha);
	assert_int_equal(store_draft(DRAFT, data, sizeof(data), &f), STORE_OK);
	snprintf(want, sizeof(want), "drafts/%s/%s", DRAFT, sha);
	assert_string_equal(f.path, want);
	snprintf(path, sizeof(path), "%s/%s", root, want);
	assert_int_equal(stat(path, &st), 0);
	/* Not in the sent store, and the draft folders are private. */
	snprintf(path, sizeof(path), "%s/%.2s", root, sha);
	assert_int_equal(stat(path, &st), -1);
	snprintf(path, sizeof(path), "%s/drafts/%s", root, DRAFT);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(files_under(root), 1);

	/* Sent: the same file gets its content-addressed name, twice is fine. */
	memset(&sent, 0, sizeof(sent));
	memcpy(sent.sha256, sha, 65);
	sent.size = sizeof(data);
	assert_int_equal(evidence_store_send(root, DRAFT, &sent), 0);
	assert_int_equal(evidence_store_send(root, DRAFT, &sent), 0);
	snprintf(want, sizeof(want), "%.2s/%.2s/%s", sha, sha + 2, sha);
	assert_string_equal(sent.path, want);
	snprintf(path, sizeof(path), "%s/%s", root, want);
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st2.st_mode & 0777, 0644);
	assert_int_equal((unsigned long long)st2.st_size, sizeof(data));
	snprintf(path, sizeof(path), "%s/%.2s", root, sha);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
}

static void
sending_needs_the_file_and_a_draft_id(void **state)
{
	static unsigned char data[3000];
	struct stored_file f, sent;

	(void)state;
	png_bytes(data, sizeof(data), 0x21);
	memset(&sent, 0, sizeof(sent));
	/* A file the draft never had. */
	sha256_hex(data, sizeof(data), sent.sha256);
	sent.size = sizeof(data);
	assert_int_equal(evidence_store_send(root, DRAFT, &sent), -1);
	/* Not a draft id: nothing is stored, nothing is sent. */
	assert_int_equal(store_draft("../x", data, sizeof(data), &f), STORE_IO);
	assert_int_equal(evidence_store_send(root, "../../etc", &sent), -1);
	assert_int_equal(files_under(root), 0);
}

static void
upload_settings_have_defaults_and_parse(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.evidence_dir, "evidence");
	assert_int_equal(c.upload_max, 20971520);
	assert_int_equal(c.upload_files_max, 10);
	assert_int_equal(config_parse(&c, "evidence_dir = /var/lib/concord/evidence\n"
	    "upload_max = 10485760\nupload_files_max = 5\n", err, sizeof(err)), 0);
	assert_string_equal(c.evidence_dir, "/var/lib/concord/evidence");
	assert_int_equal(c.upload_max, 10485760);
	assert_int_equal(c.upload_files_max, 5);
	assert_int_equal(config_parse(&c, "upload_files_max = 0\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "upload_max = 12\n", err, sizeof(err)), -1);
	/* The hourly quotas. */
	config_defaults(&c);
	assert_true(c.upload_draft_bytes_hour >= (size_t)c.upload_files_max * c.upload_max);
	assert_true(c.upload_draft_files_hour >= c.upload_files_max);
	assert_true(c.upload_address_bytes_hour >= c.upload_draft_bytes_hour);
	assert_true(c.upload_address_files_hour >= c.upload_draft_files_hour);
	assert_int_equal(config_parse(&c, "upload_draft_bytes_hour = 1048576\n"
	    "upload_draft_files_hour = 3\nupload_address_bytes_hour = 2097152\n"
	    "upload_address_files_hour = 9\n", err, sizeof(err)), 0);
	assert_int_equal(c.upload_draft_bytes_hour, 1048576);
	assert_int_equal(c.upload_draft_files_hour, 3);
	assert_int_equal(c.upload_address_bytes_hour, 2097152);
	assert_int_equal(c.upload_address_files_hour, 9);
	assert_int_equal(config_parse(&c, "upload_draft_files_hour = 0\n", err,
	    sizeof(err)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_file_is_stored_under_its_hash, setup, teardown),
		cmocka_unit_test_setup_teardown(identical_content_is_stored_once, setup, teardown),
		cmocka_unit_test_setup_teardown(an_aborted_upload_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_files_leave_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(a_missing_folder_is_made_and_an_unusable_one_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(an_unsent_file_is_kept_apart_until_it_is_sent,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(sending_needs_the_file_and_a_draft_id,
		    setup, teardown),
		cmocka_unit_test(store_paths_need_a_real_hash),
		cmocka_unit_test(download_names_are_ascii_with_the_real_extension),
		cmocka_unit_test(upload_settings_have_defaults_and_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
