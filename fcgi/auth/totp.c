/* RFC 6238 TOTP: the second factor at staff sign-in, the secret made at
 * enrolment and the otpauth:// URI an authenticator app scans. */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth/base32.h"
#include "auth/totp.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/random.h"

/* Longest key accepted: SHA-512's block size; apps use 20 to 64 bytes. */
#define TOTP_KEY_MAX	128

/* The digest for alg, or NULL for an unknown one. */
static const EVP_MD *
totp_md(enum totp_alg alg)
{
	switch (alg) {
	case TOTP_SHA1:
		return EVP_sha1();
	case TOTP_SHA256:
		return EVP_sha256();
	case TOTP_SHA512:
		return EVP_sha512();
	}
	return NULL;
}

/* Writes the digits-long code (6 to 8 digits, zero-padded, NUL-terminated)
 * for time step step (RFC 4226 HOTP with the step as counter) into out,
 * which holds digits + 1 bytes. Returns -1 on a bad argument or when
 * OpenSSL fails. */
int
totp_code(enum totp_alg alg, const unsigned char *key, size_t keylen,
    long long step, int digits, char *out)
{
	static const unsigned int pow10[] = { 1000000, 10000000, 100000000 };
	const EVP_MD *md;
	unsigned char msg[8], mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0, off, bin;
	unsigned long long counter;
	char err[256];
	int i;

	if (out != NULL)
		out[0] = '\0';
	if ((md = totp_md(alg)) == NULL || key == NULL || keylen == 0 ||
	    keylen > TOTP_KEY_MAX || step < 0 || digits < 6 || digits > 8 ||
	    out == NULL)
		return -1;
	counter = (unsigned long long)step;
	for (i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(counter & 0xff);
		counter >>= 8;
	}
	if (HMAC(md, key, (int)keylen, msg, sizeof(msg), mac, &maclen) == NULL ||
	    maclen < 20) {
		ERR_error_string_n(ERR_peek_last_error(), err, sizeof(err));
		log_error("totp: HMAC failed: %s", err);
		ERR_clear_error();
		return -1;
	}
	/* Dynamic truncation, RFC 4226 section 5.3. */
	off = mac[maclen - 1] & 0x0f;
	bin = ((unsigned int)(mac[off] & 0x7f) << 24) |
	    ((unsigned int)mac[off + 1] << 16) |
	    ((unsigned int)mac[off + 2] << 8) | mac[off + 3];
	bin %= pow10[digits - 6];
	for (i = digits - 1; i >= 0; i--) {
		out[i] = (char)('0' + bin % 10);
		bin /= 10;
	}
	out[digits] = '\0';
	OPENSSL_cleanse(mac, sizeof(mac));
	return 0;
}

/* Copies the digits of code, dropping spaces, into out (TOTP_DIGITS + 1
 * bytes). Returns -1 unless exactly TOTP_DIGITS digits are left. */
static int
code_normalise(const char *code, char *out)
{
	size_t n = 0;

	for (; *code != '\0'; code++) {
		if (*code == ' ')
			continue;
		if (*code < '0' || *code > '9' || n >= TOTP_DIGITS)
			return -1;
		out[n++] = *code;
	}
	out[n] = '\0';
	return n == TOTP_DIGITS ? 0 : -1;
}

/* Checks a 6-digit code typed at sign-in against the base32 secret at
 * now_epoch, accepting the current step and TOTP_WINDOW either side. A code
 * whose step is not after last_used_step has been used already and is
 * refused, so a code seen over a shoulder cannot be replayed. Returns 1 and
 * sets *matched_step (to store as the next last_used_step; pass -1 while
 * there is none) on success; 0 for a wrong, malformed or reused code, with
 * *matched_step untouched; -1 on a secret that is not base32, or error. */
int
totp_check(const char *secret_b32, const char *code, long long now_epoch,
    long long last_used_step, long long *matched_step)
{
	unsigned char key[TOTP_KEY_MAX];
	char typed[TOTP_DIGITS + 1], want[TOTP_DIGITS + 1];
	long long now, step, found = -1;
	size_t keylen;
	int rc = -1;

	if (secret_b32 == NULL || now_epoch < 0)
		return -1;
	if (base32_decode(secret_b32, key, sizeof(key), &keylen) == -1 ||
	    keylen == 0)
		goto out;
	if (code == NULL || code_normalise(code, typed) == -1) {
		rc = 0;
		goto out;
	}
	now = now_epoch / TOTP_PERIOD;
	/* Every step in the window is computed and compared, match or not,
	 * so the time taken says nothing about which one matched. */
	for (step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
		if (step < 0)
			continue;
		if (totp_code(TOTP_SHA1, key, keylen, step, TOTP_DIGITS,
		    want) == -1)
			goto out;
		if (CRYPTO_memcmp(want, typed, TOTP_DIGITS) == 0)
			found = step;
	}
	rc = found >= 0 && found > last_used_step;
	if (rc == 1 && matched_step != NULL)
		*matched_step = found;
out:
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(want, sizeof(want));
	OPENSSL_cleanse(typed, sizeof(typed));
	return rc;
}

/* Makes a new secret of TOTP_SECRET_BYTES random bytes and writes it as
 * TOTP_SECRET_LEN base32 characters, no padding, into b32 (len bytes, at
 * least TOTP_SECRET_LEN + 1). Returns -1 when b32 is too small or the
 * system has no randomness. */
int
totp_secret_new(char *b32, size_t len)
{
	unsigned char key[TOTP_SECRET_BYTES];
	int rc = -1;

	if (b32 == NULL || len < TOTP_SECRET_LEN + 1)
		return -1;
	b32[0] = '\0';
	if (random_bytes(key, sizeof(key)) == -1) {
		log_error("totp_secret_new: no random bytes");
		return -1;
	}
	rc = base32_encode(key, sizeof(key), 0, b32, len);
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}

/* Appends s percent-encoded: RFC 3986 unreserved characters as they are,
 * every other byte as %XX. */
static void
uri_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* Appends to out the otpauth://totp/ URI (Google's Key Uri Format) that an
 * authenticator app scans: label "issuer:account" and the issuer
 * parameter percent-encoded, the secret normalised to upper case without
 * spaces or padding, SHA1, 6 digits, 30 s. Returns -1 on an empty issuer
 * or account, one that contains ':' (the format forbids it), a secret that
 * is not base32, or out of memory. */
int
totp_uri(const char *issuer, const char *account, const char *secret_b32,
    struct buf *out)
{
	unsigned char key[TOTP_KEY_MAX];
	char secret[TOTP_KEY_MAX * 2];
	size_t keylen;
	int rc = -1;

	if (issuer == NULL || account == NULL || secret_b32 == NULL ||
	    out == NULL || *issuer == '\0' || *account == '\0' ||
	    strchr(issuer, ':') != NULL || strchr(account, ':') != NULL)
		return -1;
	if (base32_decode(secret_b32, key, sizeof(key), &keylen) == -1 ||
	    keylen == 0 ||
	    base32_encode(key, keylen, 0, secret, sizeof(secret)) == -1)
		goto out;
	buf_puts(out, "otpauth://totp/");
	uri_escape(out, issuer);
	buf_putc(out, ':');
	uri_escape(out, account);
	buf_printf(out, "?secret=%s&issuer=", secret);
	uri_escape(out, issuer);
	buf_printf(out, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS,
	    TOTP_PERIOD);
	rc = out->oom ? -1 : 0;
out:
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(secret, sizeof(secret));
	return rc;
}
