#ifndef HTTP_SNIFF_H
#define HTTP_SNIFF_H

#include <stddef.h>

/* What a file is, decided by its bytes and never by its name or by the
 * Content-Type a client declared. Fed as the file streams in: it keeps the
 * first SNIFF_HEAD bytes, walks JPEG segments to the frame header and
 * ISO-BMFF boxes (HEIC, HEIF, AVIF) to the image sizes however far in they
 * are, and checks that a would-be text file is UTF-8 throughout.
 * Nothing here reads the network or allocates. */

#define SNIFF_HEAD		4096
#define SNIFF_MAX_SIDE		20000UL		/* pixels, either side */
#define SNIFF_MAX_PIXELS	100000000ULL	/* width x height */

enum sniff_category {
	SNIFF_UNKNOWN = 0,	/* not a type we accept: refuse the file */
	SNIFF_PHOTO,
	SNIFF_DOCUMENT,
	SNIFF_AUDIO,
	SNIFF_VIDEO,
};

struct sniff_type {
	const char		*media_type;	/* "application/octet-stream" when unknown */
	const char		*ext;		/* "jpg", for download names; "bin" when unknown */
	enum sniff_category	 category;
	/* Declared pixel size (PNG IHDR, JPEG SOFn, GIF, WebP, the largest
	 * HEIF/AVIF ispe); 0 when not read. has_size says whether this type
	 * declares one at all. */
	unsigned long		 width;
	unsigned long		 height;
	int			 has_size;
};

struct sniff {
	unsigned char		 head[SNIFF_HEAD];
	size_t			 head_len;
	unsigned long long	 total;
	/* The JPEG segment walk. */
	int			 jpeg;
	size_t			 jpeg_skip;
	unsigned		 jpeg_len;
	unsigned char		 jpeg_sof[5];
	size_t			 jpeg_sof_n;
	unsigned long		 jpeg_width;
	unsigned long		 jpeg_height;
	/* The ISO-BMFF box walk: top level, meta, iprp, ipco, down to ispe. */
	int			 bmff;
	unsigned char		 bmff_buf[16];
	size_t			 bmff_have;
	size_t			 bmff_want;
	unsigned long long	 bmff_pos;	/* bytes walked */
	unsigned long long	 bmff_box_end;	/* of the box being read or skipped */
	unsigned long long	 bmff_end[3];	/* of the open meta, iprp, ipco */
	int			 bmff_depth;
	unsigned long		 bmff_width;	/* the largest of every ispe */
	unsigned long		 bmff_height;
	/* UTF-8 text: still possible, and a character cut between chunks. */
	int			 text_bad;
	unsigned char		 utf8[4];
	size_t			 utf8_have;
	size_t			 utf8_want;
};

void		 sniff_init(struct sniff *);
void		 sniff_feed(struct sniff *, const void *, size_t);
void		 sniff_result(const struct sniff *, struct sniff_type *);
void		 sniff_bytes(const void *, size_t, struct sniff_type *);
int		 sniff_size_ok(const struct sniff_type *, unsigned long max_side,
		    unsigned long long max_pixels);
const char	*sniff_category_name(enum sniff_category);
const char	*sniff_ext_for(const char *media_type);

#endif
