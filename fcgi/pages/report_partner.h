#ifndef PAGES_REPORT_PARTNER_H
#define PAGES_REPORT_PARTNER_H

/* The partner route through the reporting form (pages/report_partner.c):
 * a signed-in partner reporter answers "Your organisation's details"
 * instead of "About you", and the report becomes their agency's. */

struct report_draft;
struct report_input;
struct req;
struct view_dict;

int		 report_partner_on(struct req *);
const char	*report_partner_missing(struct report_draft *);
int		 report_partner_rows(struct req *, struct report_draft *, struct view_dict *);
void		 report_partner_input(struct report_draft *, struct report_input *);

#endif
