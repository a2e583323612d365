/* Password hashing with scrypt through OpenSSL 3's EVP_KDF, and the rules a
 * new password must meet. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "auth/password.h"
#include "core/hex.h"
#include "core/log.h"
#include "core/random.h"

#define SALT_LEN	16
#define HASH_LEN	32
/* Characters of unpadded base64 for n bytes. */
#define B64_LEN(n)	(((n) * 8 + 5) / 6)

/* Bounds on what a stored string may ask for. A row in the database is
 * data, not trusted configuration: these keep a tampered one from making a
 * worker allocate gigabytes or spin for minutes. */
#define STORED_LN_MAX	20
#define STORED_R_MAX	32
#define STORED_P_MAX	16
#define STORED_RP_MAX	64
#define STORED_SALT_MIN	8
#define STORED_HASH_MIN	16
#define STORED_BYTES_MAX 64
/* Memory as OpenSSL counts it, 128·r·(N+2) + 128·r·p: room for today's cost
 * (32 MiB) and one step above it (ln=16, r=8: 64 MiB). Always passed to the
 * KDF: its own default allows 1 GiB, and EVP_PBE_scrypt's 32 MiB is just
 * too small for ln=15, r=8. */
#define SCRYPT_MAXMEM	((uint64_t)65 * 1024 * 1024)
/* N·r·p, the work: up to 8 times today's. */
#define SCRYPT_WORK_MAX	((uint64_t)1 << 21)

struct scrypt_hash {
	unsigned int	ln, r, p;
	unsigned char	salt[STORED_BYTES_MAX];
	size_t		saltlen;
	unsigned char	hash[STORED_BYTES_MAX];
	size_t		hashlen;
};

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* ---------------------------------------------------------------- base64 */

/* Writes n bytes as unpadded base64 and a NUL into out. Returns -1 when
 * out (outlen bytes) is too small. */
static int
b64_encode(const unsigned char *in, size_t n, char *out, size_t outlen)
{
	if (outlen <= B64_LEN(n))
		return -1;
	bits_encode(in, n, b64_alphabet, 6, out);
	return 0;
}

/* The 6-bit value of c, or -1. */
static int
b64_value(char c)
{
	const char *p;

	if (c == '\0' || (p = strchr(b64_alphabet, c)) == NULL)
		return -1;
	return (int)(p - b64_alphabet);
}

/* Decodes the len characters at in (unpadded base64) into out. Only the
 * canonical encoding is accepted: no padding, no white space, no stray
 * bits. Returns the number of bytes, or -1. */
static long
b64_decode(const char *in, size_t len, unsigned char *out, size_t outlen)
{
	size_t i, o;
	unsigned int acc;
	int bits, v;

	if (len % 4 == 1)
		return -1;
	acc = 0;
	bits = 0;
	o = 0;
	for (i = 0; i < len; i++) {
		if ((v = b64_value(in[i])) == -1)
			return -1;
		acc = (acc << 6) | (unsigned int)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o >= outlen)
				return -1;
			out[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (acc != 0)
		return -1;
	return (long)o;
}

/* ------------------------------------------------------- stored strings */

/* Reads a decimal number of 1 to 6 digits at *s, no sign or leading zero,
 * into *out and advances *s. Returns -1 when there is none. */
static int
read_uint(const char **s, unsigned int *out)
{
	const char *p = *s;
	unsigned int v = 0;
	int digits = 0;

	if (*p == '0')
		return -1;
	while (*p >= '0' && *p <= '9') {
		if (++digits > 6)
			return -1;
		v = v * 10 + (unsigned int)(*p - '0');
		p++;
	}
	if (digits == 0)
		return -1;
	*out = v;
	*s = p;
	return 0;
}

/* Skips the literal lit at *s. Returns -1 when *s does not start with it. */
static int
read_lit(const char **s, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*s, lit, n) != 0)
		return -1;
	*s += n;
	return 0;
}

/* OpenSSL's count of the memory scrypt with these parameters allocates. */
static uint64_t
scrypt_mem(unsigned int ln, unsigned int r, unsigned int p)
{
	return 128 * (uint64_t)r * (((uint64_t)1 << ln) + 2) +
	    128 * (uint64_t)r * p;
}

/* Whether ln, r and p are within what this server is willing to compute. */
static int
params_ok(unsigned int ln, unsigned int r, unsigned int p)
{
	if (ln < 1 || ln > STORED_LN_MAX || r < 1 || r > STORED_R_MAX ||
	    p < 1 || p > STORED_P_MAX || r * p > STORED_RP_MAX)
		return 0;
	if (scrypt_mem(ln, r, p) > SCRYPT_MAXMEM)
		return 0;
	return ((uint64_t)1 << ln) * r * p <= SCRYPT_WORK_MAX;
}

/* Parses a stored string into h. Returns -1 when it is malformed, of
 * another scheme, or asks for parameters outside the bounds above. */
static int
stored_parse(const char *s, struct scrypt_hash *h)
{
	const char *salt, *dollar;
	long n;

	memset(h, 0, sizeof(*h));
	if (s == NULL ||
	    read_lit(&s, "$scrypt$ln=") == -1 || read_uint(&s, &h->ln) == -1 ||
	    read_lit(&s, ",r=") == -1 || read_uint(&s, &h->r) == -1 ||
	    read_lit(&s, ",p=") == -1 || read_uint(&s, &h->p) == -1 ||
	    read_lit(&s, "$") == -1)
		return -1;
	if (!params_ok(h->ln, h->r, h->p))
		return -1;
	salt = s;
	if ((dollar = strchr(salt, '$')) == NULL)
		return -1;
	n = b64_decode(salt, (size_t)(dollar - salt), h->salt, sizeof(h->salt));
	if (n < STORED_SALT_MIN)
		return -1;
	h->saltlen = (size_t)n;
	s = dollar + 1;
	n = b64_decode(s, strlen(s), h->hash, sizeof(h->hash));
	if (n < STORED_HASH_MIN)
		return -1;
	h->hashlen = (size_t)n;
	return 0;
}

/* ---------------------------------------------------------------- scrypt */

/* Derives outlen bytes from password and salt. Returns 0, or -1 (logged)
 * when OpenSSL fails. */
static int
scrypt_derive(const char *password, const unsigned char *salt,
    size_t saltlen, unsigned int ln, unsigned int r, unsigned int p,
    unsigned char *out, size_t outlen)
{
	EVP_KDF *kdf = NULL;
	EVP_KDF_CTX *ctx = NULL;
	OSSL_PARAM params[7];
	uint64_t n = (uint64_t)1 << ln, maxmem = SCRYPT_MAXMEM;
	uint32_t r32 = r, p32 = p;
	char err[256];
	int rc = -1;

	params[0] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
	    (void *)(uintptr_t)password, strlen(password));
	params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
	    (void *)(uintptr_t)salt, saltlen);
	params[2] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n);
	params[3] = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r32);
	params[4] = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p32);
	params[5] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM,
	    &maxmem);
	params[6] = OSSL_PARAM_construct_end();

	if ((kdf = EVP_KDF_fetch(NULL, OSSL_KDF_NAME_SCRYPT, NULL)) == NULL)
		goto out;
	if ((ctx = EVP_KDF_CTX_new(kdf)) == NULL)
		goto out;
	if (EVP_KDF_derive(ctx, out, outlen, params) != 1)
		goto out;
	rc = 0;
out:
	if (rc == -1) {
		ERR_error_string_n(ERR_peek_last_error(), err, sizeof(err));
		log_error("scrypt failed: %s", err);
		ERR_clear_error();
		OPENSSL_cleanse(out, outlen);
	}
	EVP_KDF_CTX_free(ctx);
	EVP_KDF_free(kdf);
	return rc;
}

/* ------------------------------------------------------------ interface */

/* Hashes password with a new random salt at today's cost and writes the
 * stored string into out (PASSWORD_HASH_MAX bytes are enough). Returns -1
 * when out is too small, the system has no randomness or scrypt fails. */
int
password_hash(const char *password, char *out, size_t outlen)
{
	unsigned char salt[SALT_LEN], hash[HASH_LEN];
	char salt64[B64_LEN(SALT_LEN) + 1], hash64[B64_LEN(HASH_LEN) + 1];
	int n, rc = -1;

	if (password == NULL || out == NULL || outlen == 0)
		return -1;
	out[0] = '\0';
	/* Refuse a short out before spending the time scrypt takes. */
	n = snprintf(NULL, 0, "$scrypt$ln=%d,r=%d,p=%d$", PASSWORD_SCRYPT_LN,
	    PASSWORD_SCRYPT_R, PASSWORD_SCRYPT_P);
	if (n < 0 || outlen <= (size_t)n + B64_LEN(SALT_LEN) + 1 +
	    B64_LEN(HASH_LEN))
		return -1;
	if (random_bytes(salt, sizeof(salt)) == -1) {
		log_error("password_hash: no random bytes");
		return -1;
	}
	if (scrypt_derive(password, salt, sizeof(salt), PASSWORD_SCRYPT_LN,
	    PASSWORD_SCRYPT_R, PASSWORD_SCRYPT_P, hash, sizeof(hash)) == -1)
		goto out;
	if (b64_encode(salt, sizeof(salt), salt64, sizeof(salt64)) == -1 ||
	    b64_encode(hash, sizeof(hash), hash64, sizeof(hash64)) == -1)
		goto out;
	n = snprintf(out, outlen, "$scrypt$ln=%d,r=%d,p=%d$%s$%s",
	    PASSWORD_SCRYPT_LN, PASSWORD_SCRYPT_R, PASSWORD_SCRYPT_P,
	    salt64, hash64);
	if (n < 0 || (size_t)n >= outlen) {
		out[0] = '\0';
		goto out;
	}
	rc = 0;
out:
	OPENSSL_cleanse(hash, sizeof(hash));
	OPENSSL_cleanse(hash64, sizeof(hash64));
	return rc;
}

/* Checks password against a stored string, in constant time once the hash
 * is computed. Returns 1 on a match, 0 on a mismatch, -1 when the stored
 * string is malformed or out of bounds, or scrypt fails. */
int
password_verify(const char *password, const char *stored)
{
	struct scrypt_hash h;
	unsigned char got[STORED_BYTES_MAX];
	int rc;

	if (password == NULL || stored_parse(stored, &h) == -1)
		return -1;
	if (scrypt_derive(password, h.salt, h.saltlen, h.ln, h.r, h.p,
	    got, h.hashlen) == -1)
		return -1;
	rc = CRYPTO_memcmp(got, h.hash, h.hashlen) == 0;
	OPENSSL_cleanse(got, sizeof(got));
	OPENSSL_cleanse(&h, sizeof(h));
	return rc;
}

/* Says whether a stored string was made at less than today's cost (or
 * with a shorter salt or hash), so it should be replaced by a new hash of
 * the password just verified. Returns 1 or 0, or -1 when it is malformed. */
int
password_needs_rehash(const char *stored)
{
	struct scrypt_hash h;
	int rc;

	if (stored_parse(stored, &h) == -1)
		return -1;
	rc = h.ln < PASSWORD_SCRYPT_LN || h.r < PASSWORD_SCRYPT_R ||
	    h.p < PASSWORD_SCRYPT_P || h.saltlen < SALT_LEN ||
	    h.hashlen < HASH_LEN;
	OPENSSL_cleanse(&h, sizeof(h));
	return rc;
}

/* Length in bytes of the UTF-8 sequence starting at s (1 for a stray
 * continuation byte, so malformed text still advances). */
static size_t
utf8_len(const char *s)
{
	size_t n = 1;

	while (((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/* Puts msg into why for the form. Returns 0, for "not acceptable". */
static int
refuse(char *why, size_t whylen, const char *msg)
{
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "%s", msg);
	return 0;
}

#define STR_(x)	#x
#define STR(x)	STR_(x)

/* Checks a new password against the rules: PASSWORD_MIN to PASSWORD_MAX
 * characters (UTF-8 code points), not one character repeated. Returns 1
 * when acceptable; 0 with a sentence for the form in why otherwise. */
int
password_acceptable(const char *password, char *why, size_t whylen)
{
	const char *p;
	size_t chars = 0, first;

	if (why != NULL && whylen > 0)
		why[0] = '\0';
	if (password == NULL)
		password = "";
	for (p = password; *p != '\0' && chars <= PASSWORD_MAX; p += utf8_len(p))
		chars++;
	if (chars < PASSWORD_MIN)
		return refuse(why, whylen,
		    "Use at least " STR(PASSWORD_MIN) " characters.");
	if (chars > PASSWORD_MAX)
		return refuse(why, whylen,
		    "Use at most " STR(PASSWORD_MAX) " characters.");
	first = utf8_len(password);
	for (p = password + first; *p != '\0'; p += first)
		if (strncmp(p, password, first) != 0)
			return 1;
	return refuse(why, whylen, "Use more than one different character.");
}
