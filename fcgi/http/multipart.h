#ifndef HTTP_MULTIPART_H
#define HTTP_MULTIPART_H

#include <stddef.h>

/* A streaming multipart/form-data parser (RFC 7578, RFC 2046): a push
 * parser that is fed the request body in chunks of any size and calls back
 * for each part's start, data and end. It allocates nothing: all it keeps
 * is this struct, whose size is fixed (the delimiter, one header line, and
 * the current part's name, file name and declared type). Part data is
 * handed to the callback straight from the caller's chunks. */

#define MULTIPART_BOUNDARY_MAX	70	/* RFC 2046 */
#define MULTIPART_LINE_MAX	1024	/* one header line, whatever header_max says */
#define MULTIPART_NAME_MAX	128	/* a field's name */
#define MULTIPART_FILENAME_MAX	255	/* bytes kept of a file name (after trimming) */
#define MULTIPART_CTYPE_MAX	128	/* a part's declared Content-Type */

enum multipart_err {
	MULTIPART_OK = 0,
	MULTIPART_NOT_FORM,		/* Content-Type is not multipart/form-data */
	MULTIPART_NO_BOUNDARY,		/* ... without a boundary parameter */
	MULTIPART_BAD_BOUNDARY,		/* empty, over 70 bytes, or bad characters */
	MULTIPART_MALFORMED,		/* the body does not follow the format */
	MULTIPART_TRUNCATED,		/* ended before the closing boundary */
	MULTIPART_TOO_MANY_PARTS,
	MULTIPART_TOO_MANY_FILES,
	MULTIPART_HEADER_TOO_LARGE,	/* a part's headers over header_max */
	MULTIPART_TOO_MANY_HEADERS,
	MULTIPART_NO_NAME,		/* a part without Content-Disposition: form-data; name= */
	MULTIPART_BAD_NAME,		/* a field name too long or with control characters */
	MULTIPART_BAD_FILENAME,		/* control characters, NUL, bad UTF-8, or no name left */
	MULTIPART_FILE_TOO_LARGE,
	MULTIPART_FIELD_TOO_LARGE,
	MULTIPART_TOO_LARGE,		/* the whole body over total_max */
	MULTIPART_ABORTED,		/* a callback returned -1 */
};

struct multipart_limits {
	size_t	parts_max;	/* parts of every kind */
	size_t	files_max;	/* parts with a (non-empty) file name */
	size_t	header_max;	/* bytes of one part's header block */
	size_t	headers_max;	/* header lines in one part */
	size_t	file_max;	/* bytes of one file */
	size_t	field_max;	/* bytes of one field that is not a file */
	size_t	total_max;	/* bytes of the whole body, preamble and epilogue too */
	size_t	filename_max;	/* longer file names are trimmed (<= MULTIPART_FILENAME_MAX) */
};

/* parts 64, files 10, header 2048 bytes in 8 lines, file 20 MiB, field
 * 64 KiB, total multipart_total_for(10 files of 20 MiB) = 211 MiB, file
 * names 255 bytes. */
extern const struct multipart_limits multipart_limits_default;

/* What the callbacks are told about the current part. The strings live in
 * the parser and change when the next part starts. */
struct multipart_part {
	size_t		 index;		/* 0 for the first part */
	const char	*name;		/* the form field's name */
	const char	*filename;	/* last path component, checked and trimmed; NULL for a field */
	const char	*content_type;	/* as declared by the client ("" if none): never trust it */
	int		 is_file;	/* a file was chosen (filename non-empty) */
	int		 had_path;	/* the name sent had folders, cut off in filename */
	size_t		 size;		/* bytes of data so far; on part_end, all of it */
};

/* Each returns 0 to go on, or -1 to stop the parse with MULTIPART_ABORTED
 * (the callback keeps its own reason). After an error no part_end follows:
 * whoever started writing a part must discard it. Any may be NULL. */
struct multipart_callbacks {
	int	(*part_begin)(void *arg, const struct multipart_part *);
	int	(*part_data)(void *arg, const struct multipart_part *,
		    const char *data, size_t len);
	int	(*part_end)(void *arg, const struct multipart_part *);
};

struct multipart {
	struct multipart_limits		 lim;
	const struct multipart_callbacks *cb;
	void				*arg;
	enum multipart_err		 err;
	int				 state;
	/* "\r\n--" boundary, and how much of it the input has matched. */
	char				 delim[4 + MULTIPART_BOUNDARY_MAX + 1];
	size_t				 delim_len;
	size_t				 match;
	size_t				 pad;		/* transport padding after a delimiter */
	size_t				 total;
	size_t				 parts;
	size_t				 files;
	/* The part being read. */
	size_t				 header_bytes;
	size_t				 header_lines;
	size_t				 line_len;
	int				 have_disposition;
	char				 line[MULTIPART_LINE_MAX];
	char				 name[MULTIPART_NAME_MAX + 1];
	char				 filename[MULTIPART_FILENAME_MAX + 1];
	char				 content_type[MULTIPART_CTYPE_MAX + 1];
	int				 has_filename;
	int				 had_path;
	struct multipart_part		 part;
};

enum multipart_err	 multipart_init(struct multipart *, const char *content_type,
			    const struct multipart_limits *);
void			 multipart_callbacks(struct multipart *,
			    const struct multipart_callbacks *, void *arg);
enum multipart_err	 multipart_feed(struct multipart *, const char *data, size_t len);
enum multipart_err	 multipart_finish(struct multipart *);
const char		*multipart_strerror(enum multipart_err);
int			 multipart_status(enum multipart_err);
const char		*multipart_explain(const struct multipart *, char *buf, size_t len);
size_t			 multipart_total_for(size_t files_max, size_t file_max);

#endif
