#ifndef DOMAIN_CASE_PANEL_H
#define DOMAIN_CASE_PANEL_H

#include <stddef.h>

#include "core/date.h"

struct actor;
struct arena;
struct pg;

/* Case panels (README "Action plans and case panels"): a multi-agency
 * meeting — when, where, the agencies and who came from each, the cases
 * discussed and what was decided on each — and the actions created from
 * it (domain/case_action.h, with panel_id). A panel is seen by the agency
 * that organised it and the agencies that attended (row security, 0051);
 * a case discussed only where that case is seen. Audited as entity
 * "case_panel"; a case discussed also on the case ("monitored_case") and
 * its timeline. */
extern const struct pg_stmts case_panel_statements;

#define CASE_PANEL_LOCATION_MAX	200
#define CASE_PANEL_ATTENDEES_MAX	2000
#define CASE_PANEL_DECISIONS_MAX	10000
#define CASE_PANEL_LIST_MAX	200

struct case_panel {
	long long	 id;
	const char	*held;		/* "3 December 2026 at 2:30pm", London */
	const char	*location;
	const char	*organiser;	/* the agency's name */
	long		 cases;		/* discussed, that the reader sees */
};

struct case_panel_attendance {
	long long	 agency_id;
	const char	*agency;	/* its name */
	const char	*attendees;	/* as typed */
};

struct case_panel_item {
	long long	 case_id;
	const char	*reference, *title, *decisions;
};

struct case_panel_action {
	long long	 id;
	const char	*reference, *title, *type, *owner, *status;
};

struct case_panel_detail {
	struct case_panel		 panel;
	struct case_panel_attendance	*attended;
	size_t				 nattended;
	struct case_panel_item		*cases;
	size_t				 ncases;
	struct case_panel_action	*actions;
	size_t				 nactions;
};

/* The agencies a panel may invite: every active one. */
struct case_panel_agency {
	long long	 id;
	const char	*name;
};

struct case_panel_input {
	struct date			 day;
	int				 minutes;	/* after midnight, London */
	const char			*location;
	struct case_panel_attendance	*attended;	/* agency_id and attendees */
	size_t				 nattended;
};

enum case_panel_result {
	CASE_PANEL_OK,
	CASE_PANEL_NOT_FOUND,	/* the panel, or not the actor's to see */
	CASE_PANEL_NO_CASE,	/* no such case the actor sees */
	CASE_PANEL_BAD_AGENCY,	/* an agency that is not an active one */
	CASE_PANEL_ERROR,
};

int	case_panels_list(struct pg *, struct arena *, const struct actor *,
	    struct case_panel **, size_t *);
int	case_panel_agencies(struct pg *, struct arena *, const struct actor *,
	    struct case_panel_agency **, size_t *);
enum case_panel_result	case_panel_create(struct pg *, struct arena *,
	    const struct actor *, const struct case_panel_input *, long long *id);
/* A panel with who came, the cases discussed and the actions created
 * from it, auditing the view. */
enum case_panel_result	case_panel_get(struct pg *, struct arena *, const struct actor *,
	    long long id, struct case_panel_detail *);
/* Records that panel id discussed the case reference names and what it
 * decided (again: the decisions replace the earlier ones). */
enum case_panel_result	case_panel_case_add(struct pg *, struct arena *,
	    const struct actor *, long long id, const char *reference,
	    const char *decisions);
/* Whether the actor sees panel id: 1, 0, or -1 (within its own
 * transaction); for the action form's "from this panel". */
int	case_panel_exists(struct pg *, const struct actor *, long long id);

#endif
