/* The CAD API's signatures: the string to sign, HMAC-SHA256 over it, the
 * constant-time check, and the secrets derived from the server's key file
 * (auth/api_sign.h says the scheme). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth/api_sign.h"
#include "core/buf.h"
#include "core/hex.h"

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int
api_master_load(const char *path, unsigned char *out, size_t *len, char *err,
    size_t errlen)
{
	unsigned char extra;
	ssize_t n;
	int fd;

	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	n = read(fd, out, API_MASTER_MAX);
	/* A longer file is a mistake (a wrong path), not a longer key. */
	if (n == API_MASTER_MAX && read(fd, &extra, 1) > 0)
		n = -2;
	close(fd);
	if (n == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (n < API_MASTER_MIN) {
		snprintf(err, errlen, "%s: the API key file must hold %d to %d bytes "
		    "(make one with: openssl rand 32 > %s)", path, API_MASTER_MIN,
		    API_MASTER_MAX, path);
		OPENSSL_cleanse(out, API_MASTER_MAX);
		return -1;
	}
	*len = (size_t)n;
	return 0;
}

int
api_secret_derive(const unsigned char *master, size_t mlen, const char *key_id,
    const char *salt, char *out)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	struct buf msg = { 0 };
	int rc = -1;

	out[0] = '\0';
	if (buf_printf(&msg, "concord-api-secret\n%s\n%s", key_id, salt) == -1)
		goto out;
	if (HMAC(EVP_sha256(), master, (int)mlen, (const unsigned char *)buf_cstr(&msg),
	    msg.len, mac, &maclen) == NULL || maclen != 32)
		goto out;
	bits_encode(mac, maclen, b64url, 6, out);
	rc = 0;
out:
	OPENSSL_cleanse(mac, sizeof(mac));
	buf_free(&msg);
	return rc;
}

int
api_sign_string(struct buf *out, const struct api_sign_input *in)
{
	char body_hash[65];

	if (sha256_hex(in->body != NULL ? in->body : "", in->body != NULL ? in->body_len : 0,
	    body_hash) == -1)
		return -1;
	return buf_printf(out, "%s\n%s\n%s\n%s\n%s\n%s\n%s", API_SIGN_SCHEME, in->method,
	    in->path, in->query != NULL ? in->query : "", in->timestamp, in->nonce,
	    body_hash);
}

int
api_sign(const char *secret, const struct api_sign_input *in, char *hex)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	struct buf s = { 0 };
	int rc = -1;

	hex[0] = '\0';
	if (api_sign_string(&s, in) == -1)
		goto out;
	if (HMAC(EVP_sha256(), secret, (int)strlen(secret),
	    (const unsigned char *)buf_cstr(&s), s.len, mac, &maclen) == NULL ||
	    maclen != 32)
		goto out;
	hex_encode(mac, maclen, hex);
	rc = 0;
out:
	buf_free(&s);
	return rc;
}

int
api_sign_check(const char *secret, const struct api_sign_input *in, const char *header)
{
	char want[API_SIGNATURE_LEN + 1];
	size_t plen = strlen(API_SIGN_PREFIX);
	int same;

	if (api_sign(secret, in, want) == -1)
		return -1;
	if (header == NULL || strncmp(header, API_SIGN_PREFIX, plen) != 0 ||
	    strlen(header + plen) != API_SIGNATURE_LEN)
		return 0;
	same = CRYPTO_memcmp(want, header + plen, API_SIGNATURE_LEN) == 0;
	OPENSSL_cleanse(want, sizeof(want));
	return same;
}

int
api_nonce_valid(const char *s)
{
	size_t n;

	if (s == NULL)
		return 0;
	for (n = 0; s[n] != '\0'; n++)
		if (strchr(b64url, s[n]) == NULL || n >= API_NONCE_MAX)
			return 0;
	return n >= API_NONCE_MIN;
}
