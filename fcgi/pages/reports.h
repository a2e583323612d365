#ifndef PAGES_REPORTS_H
#define PAGES_REPORTS_H

struct req;
struct view_dict;

int	reports_of_incident_dict(struct req *, struct view_dict *, long long incident_id);

#endif
