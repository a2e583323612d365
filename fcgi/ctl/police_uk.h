#ifndef CTL_POLICE_UK_H
#define CTL_POLICE_UK_H

#include <stddef.h>
#include <stdint.h>

/* data.police.uk street-level CSVs (concordctl import police-uk): which
 * column is which, and a row as the intake takes it. No database here:
 * fcgi/ctl/import.c hands what this makes to the intake. */

enum police_uk_col {
	PUK_CRIME_ID, PUK_MONTH, PUK_REPORTED_BY, PUK_FALLS_WITHIN,
	PUK_LONGITUDE, PUK_LATITUDE, PUK_LOCATION, PUK_LSOA_CODE, PUK_LSOA_NAME,
	PUK_CRIME_TYPE, PUK_OUTCOME, PUK_CONTEXT,
	PUK_COLS
};

#define POLICE_UK_ASB	"Anti-social behaviour"

/* Where each column is in the file (-1: not there), and how many fields
 * every row has. */
struct police_uk_header {
	int	 col[PUK_COLS];
	size_t	 nfields;
};

/* A row's values by column ("" for a column the file does not have). */
struct police_uk_row {
	const char	*v[PUK_COLS];
};

/* Why a row of ASB was refused before the intake saw it. */
enum police_uk_refusal {
	PUK_OK,
	PUK_WRONG_FIELDS,	/* not as many fields as the header */
	PUK_BAD_MONTH,		/* not YYYY-MM */
	PUK_BAD_COORDINATES,	/* not a point (domain/point_check.h), or half of one */
};

/* What the intake gets from a row. */
struct police_uk_incident {
	char		 date[24];	/* YYYY-MM-DD, in its month */
	char		 time[16];	/* HH:MM, Europe/London */
	int		 has_point;
	double		 lon, lat;
	const char	*location;	/* "On or near ..."; NULL when none */
	/* One key per row of a file, the same however often it is imported
	 * (the report's idempotency key): "police-uk:" and 16 hex digits. */
	char		 key[32];
	char		 description[2048];
};

/* How often each row's exact text came before in the file: identical
 * rows (the same month, snap point and type) are different incidents. */
struct police_uk_repeats {
	uint64_t	*hash;
	unsigned	*count;
	size_t		 cap, n;
};

int		 police_uk_header_read(const char *const *fields, size_t n,
		    struct police_uk_header *, char *why, size_t len);
int		 police_uk_row_read(const struct police_uk_header *,
		    const char *const *fields, size_t n, struct police_uk_row *);
int		 police_uk_is_asb(const struct police_uk_row *);
uint64_t	 police_uk_row_hash(const struct police_uk_row *);
int		 police_uk_repeat(struct police_uk_repeats *, uint64_t hash,
		    unsigned *before);
void		 police_uk_repeats_free(struct police_uk_repeats *);
enum police_uk_refusal police_uk_incident_make(const struct police_uk_row *,
		    uint64_t hash, unsigned repeat, struct police_uk_incident *);
const char	*police_uk_refusal_words(enum police_uk_refusal);

#endif
