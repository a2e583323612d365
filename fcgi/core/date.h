#ifndef CORE_DATE_H
#define CORE_DATE_H

#include <time.h>

struct arena;

/* A calendar date; the one parser every date of an answer goes through
 * (the public form's day, month and year, Open311's ISO 8601); the one
 * checker of a date typed as day, month and year, with GOV.UK's words
 * for what is wrong; and dates and times of day in words, GOV.UK style. */

#define DATE_YEAR_MIN	1900

struct date {
	int	year;	/* DATE_YEAR_MIN..9999 */
	int	month;	/* 1..12 */
	int	day;	/* 1..31, as the month allows */
};

const char *date_parse(const char *s, struct date *out);
/* An RFC 3339 date-time ("2021-04-30T14:40:00.0-04:00": a real date, a
 * time of day, fractions of a second, "Z" or an offset) as the UTC second
 * it names, "2021-04-30T18:40:00Z", into out (a leap second is read as
 * :59). 0, or -1 when s is not one. The CAD API's change feed and the
 * EIDO adapter read theirs with it. */
#define DATE_RFC3339_LEN	21
int	date_rfc3339_utc(const char *s, char out[DATE_RFC3339_LEN]);
int	date_real(int year, int month, int day);
int	date_after_today(const struct date *, time_t now);

/* The parts of a date input, as bits of a set. */
#define DATE_DAY	1
#define DATE_MONTH	2
#define DATE_YEAR	4
#define DATE_WHOLE	(DATE_DAY | DATE_MONTH | DATE_YEAR)

/* Why a date input was refused: the words for the person (no HTML: they
 * go to Open311 too) and the parts to highlight, the whole date when the
 * problem is not in one part. */
struct date_refusal {
	const char	*message;
	int		 parts;
};

int	date_input_check(struct arena *, const char *day, const char *month,
	    const char *year, const char *name, const char *blank, time_t now,
	    struct date *, struct date_refusal *);
int	date_iso_check(struct arena *, const char *s, const char *name, time_t now,
	    struct date *, struct date_refusal *);
const char *date_part_name(int parts);

/* In words: "1 December 2026" (date_words) and "11:55pm", "9pm", "12pm"
 * for noon, "12am" for midnight (clock_words), into out; NULL when the
 * date or the minutes after midnight (0..1439) are not real. */
#define DATE_WORDS_MAX	24
#define CLOCK_WORDS_MAX	8

char	*date_words(char out[DATE_WORDS_MAX], const struct date *);
char	*clock_words(char out[CLOCK_WORDS_MAX], int minutes);

#endif
