#ifndef PAGES_PAGES_H
#define PAGES_PAGES_H

struct req;

/* Handlers for HTML pages, one file per area of the site. */
void	home_get(struct req *);
void	signin_get(struct req *);
void	signin_post(struct req *);
void	signin_code_get(struct req *);
void	signin_code_post(struct req *);
void	signin_qr_get(struct req *);
void	signout_post(struct req *);
void	staff_home_get(struct req *);

/* pages/incidents.c */
void	incident_list_get(struct req *);
void	incident_view_get(struct req *);
void	incident_status_post(struct req *);


#endif
