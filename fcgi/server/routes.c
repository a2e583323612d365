/* The route table: every URL Concord answers, its handler and what the
 * caller must be allowed to do. Nothing else decides who may call what. */
#include "api/api.h"
#include "api/odata_feed.h"
#include "api/incident_api.h"
#include "pages/pages.h"
#include "server/routes.h"

const struct route routes[] = {
	{ METHOD_GET,	"/",			home_get,	  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/healthz",		health_get,	  PERM_PUBLIC, 0 },

	/* Staff sign-in and sign-out */
	{ METHOD_GET,	"/staff/sign-in",	signin_get,	  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-in",	signin_post,	  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/staff/sign-in/code",	signin_code_get,  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-in/code",	signin_code_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/staff/sign-in/enrol",	signin_code_get,  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-in/enrol",	signin_code_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/staff/sign-in/enrol/qr.svg", signin_qr_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-out",	signout_post,	  PERM_SIGNED_IN, 0 },
	{ METHOD_GET,	"/staff",		staff_home_get,	  PERM_SIGNED_IN, 0 },
	{ METHOD_GET,	"/staff/me/history",	my_history_get,	  PERM_SIGNED_IN, 0 },
	{ METHOD_GET,	"/staff/activity",	team_activity_get, PERM_AUDIT_TEAM, 0 },

	/* Administration: more specific patterns ("/new") before "{id}" */
	{ METHOD_GET,	"/admin",		admin_home_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/agencies",		agency_list_get,	  PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/agencies/new",	agency_new_get,	  PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_POST,	"/admin/agencies",		agency_create_post, PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/agencies/{id}",	agency_edit_get,	  PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_POST,	"/admin/agencies/{id}",	agency_update_post, PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/agencies/{id}/history", agency_history_get, PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/teams",		team_list_get,	  PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/teams/new",	team_new_get,	  PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_POST,	"/admin/teams",		team_create_post, PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/teams/{id}",	team_edit_get,	  PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_POST,	"/admin/teams/{id}",	team_update_post, PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/teams/{id}/history", team_history_get, PERM_ADMIN_AGENCIES, 0 },
	{ METHOD_GET,	"/admin/users",		user_list_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/users/new",	user_new_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_POST,	"/admin/users",		user_create_post, PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/users/{id}",	user_edit_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_POST,	"/admin/users/{id}",	user_update_post, PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/users/{id}/history", user_history_get, PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/roles",		role_list_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/roles/new",	role_new_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_POST,	"/admin/roles",		role_create_post, PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/roles/{id}",	role_edit_get,	  PERM_ADMIN_USERS, 0 },
	{ METHOD_POST,	"/admin/roles/{id}",	role_update_post, PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/roles/{id}/history", role_history_get, PERM_ADMIN_USERS, 0 },
	{ METHOD_GET,	"/admin/types",		asb_type_list_get,    PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/types/new",	asb_type_new_get,     PERM_ADMIN_TYPES, 0 },
	{ METHOD_POST,	"/admin/types",		asb_type_create_post, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/types/{id}",	asb_type_edit_get,    PERM_ADMIN_TYPES, 0 },
	{ METHOD_POST,	"/admin/types/{id}",	asb_type_update_post, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/types/{id}/history", asb_type_history_get, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/types/{id}/questions/new", question_new_get, PERM_ADMIN_TYPES, 0 },
	{ METHOD_POST,	"/admin/types/{id}/questions", question_create_post, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/questions/{id}",	question_edit_get,    PERM_ADMIN_TYPES, 0 },
	{ METHOD_POST,	"/admin/questions/{id}",	question_update_post, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/questions/{id}/history", question_history_get, PERM_ADMIN_TYPES, 0 },
	/* API clients, CAD and Open311 (pages/admin_api_client.c) */
	{ METHOD_GET,	"/admin/api-clients",		api_clients_get,	PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_GET,	"/admin/api-clients/new",	api_client_new_get,	PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_POST,	"/admin/api-clients",		api_client_create_post,	PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_GET,	"/admin/api-clients/{id}",	api_client_view_get,	PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_POST,	"/admin/api-clients/{id}",	api_client_update_post,	PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_POST,	"/admin/api-clients/{id}/rotate", api_client_rotate_post, PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_GET,	"/admin/api-clients/{id}/revoke", api_client_revoke_get, PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_POST,	"/admin/api-clients/{id}/revoke", api_client_revoke_post, PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_GET,	"/admin/api-clients/{id}/history", api_client_history_get, PERM_ADMIN_API_CLIENTS, 0 },
	/* Routing rules (pages/admin_routing*.c) */
	{ METHOD_GET,	"/admin/routing",		routing_list_get,     PERM_ADMIN_ROUTING, 0 },
	{ METHOD_GET,	"/admin/routing/new",		routing_new_get,      PERM_ADMIN_ROUTING, 0 },
	{ METHOD_POST,	"/admin/routing",		routing_create_post,  PERM_ADMIN_ROUTING, 0 },
	{ METHOD_POST,	"/admin/routing/triage",	routing_triage_post,  PERM_ADMIN_ROUTING, 0 },
	{ METHOD_GET,	"/admin/routing/{id}",		routing_edit_get,     PERM_ADMIN_ROUTING, 0 },
	{ METHOD_POST,	"/admin/routing/{id}",		routing_update_post,  PERM_ADMIN_ROUTING, 0 },
	{ METHOD_POST,	"/admin/routing/{id}/move",	routing_move_post,    PERM_ADMIN_ROUTING, 0 },
	{ METHOD_POST,	"/admin/routing/{id}/delete",	routing_delete_post,  PERM_ADMIN_ROUTING, 0 },
	{ METHOD_GET,	"/admin/routing/{id}/history",	routing_history_get,  PERM_ADMIN_ROUTING, 0 },
	/* A CAD client's webhook deliveries (pages/admin_deliveries.c) */
	{ METHOD_GET,	"/admin/api-clients/{id}/deliveries", deliveries_get, PERM_ADMIN_API_CLIENTS, 0 },
	{ METHOD_POST,	"/admin/api-clients/{id}/deliveries/{delivery}/replay", delivery_replay_post, PERM_ADMIN_API_CLIENTS, 0 },

	/* Incidents and the reports that make them */
	{ METHOD_GET,	"/staff/reports",		report_list_get,      PERM_INCIDENT_VIEW, 0 },
	{ METHOD_GET,	"/staff/partner-reports",	partner_report_list_get, PERM_REPORT_PARTNER, 0 },
	{ METHOD_GET,	"/staff/evidence/{id}",		evidence_get,	      PERM_EVIDENCE_VIEW, 0 },
	{ METHOD_GET,	"/staff/quick",			quick_get,	      PERM_INCIDENT_CREATE, 0 },
	{ METHOD_POST,	"/staff/quick",			quick_post,	      PERM_INCIDENT_CREATE, 0 },
	{ METHOD_GET,	"/staff/incidents",		incident_list_get,    PERM_INCIDENT_VIEW, 0 },
	/* Police creation (pages/incident_new.c): before "{ref}". */
	{ METHOD_GET,	"/staff/incidents/new",		incident_new_get,     PERM_INCIDENT_CREATE, 0 },
	{ METHOD_POST,	"/staff/incidents/new",		incident_new_post,    PERM_INCIDENT_CREATE, 0 },
	{ METHOD_GET,	"/staff/incidents/similar",	incident_similar_get, PERM_INCIDENT_CREATE, 0 },
	{ METHOD_GET,	"/staff/incidents/{ref}",	incident_view_get,    PERM_INCIDENT_VIEW, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/status", incident_status_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/updates", incident_update_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/close-request", incident_close_request_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/links",	incident_link_post,   PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/unlink", incident_unlink_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/location", incident_locate_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/evidence", incident_evidence_post, PERM_INCIDENT_UPDATE, ROUTE_STREAM_BODY },
	{ METHOD_POST,	"/staff/incidents/{ref}/case-review", case_review_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_GET,	"/staff/incidents/{ref}/history", incident_history_get, PERM_INCIDENT_VIEW, 0 },
	/* Victim contact and supervisor reviews of a monitored case
	 * (pages/case_contact.c, pages/case_supervision.c) */
	{ METHOD_GET,	"/staff/cases/{ref}/contact",	case_contact_get,     PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}/contact/{id}/plan", case_contact_plan_get, PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/contact/{id}/plan", case_contact_plan_post, PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}/contact/{id}/log", case_contact_log_get, PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/contact/{id}/log", case_contact_log_post, PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}/reviews",	case_supervision_get, PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}/reviews/new", case_supervision_new_get, PERM_CASE_SUPERVISE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/reviews",	case_supervision_post, PERM_CASE_SUPERVISE, 0 },

	/* Risk (pages/risk.c) */
	{ METHOD_GET,	"/staff/incidents/{ref}/risk",	risk_assess_get,      PERM_RISK_ASSESS, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/risk",	risk_assess_post,     PERM_RISK_ASSESS, 0 },
	{ METHOD_GET,	"/staff/incidents/{ref}/risk/history", risk_history_get, PERM_INCIDENT_VIEW, 0 },
	{ METHOD_GET,	"/staff/incidents/{ref}/risk/review", risk_review_get_page, PERM_RISK_REVIEW, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/risk/review", risk_review_post, PERM_RISK_REVIEW, 0 },
	{ METHOD_GET,	"/staff/risk-reviews",		risk_reviews_get,     PERM_RISK_REVIEW, 0 },
	/* Monitored cases, the core (pages/case_list.c, case_new.c,
	 * case_view.c, case_forms.c): "new" and "mine" before a reference. */
	{ METHOD_GET,	"/staff/cases",			case_list_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/new",		case_new_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/new",		case_new_post,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/mine",		case_mine_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}",		case_view_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}/history",	case_history_get,     PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/incidents",	case_incident_post,   PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/suggestions/dismiss", case_dismiss_post, PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/people",	case_person_post,     PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/groups",	case_group_post,      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/places",	case_place_post,      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/agencies",	case_agency_post,     PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/agencies/remove", case_agency_remove_post, PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/lead",	case_lead_post,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/close",	case_close_post,      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/reopen",	case_reopen_post,     PERM_CASE_MANAGE, 0 },
	/* Team queues (pages/queue.c) and their items (pages/queue_item.c):
	 * "mine" and "workload" before a team's code. */
	{ METHOD_GET,	"/staff/queues",		queues_get,	      PERM_INCIDENT_VIEW, 0 },
	{ METHOD_GET,	"/staff/queues/mine",		queue_mine_get,	      PERM_INCIDENT_VIEW, 0 },
	{ METHOD_GET,	"/staff/queues/workload",	queue_workload_get,   PERM_INCIDENT_REALLOCATE, 0 },
	{ METHOD_GET,	"/staff/queues/{team}",		queue_team_get,	      PERM_INCIDENT_VIEW, 0 },
	{ METHOD_GET,	"/staff/allocations/{id}",	allocation_get,	      PERM_INCIDENT_VIEW, 0 },
	{ METHOD_POST,	"/staff/allocations/{id}/claim", allocation_claim_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/allocations/{id}/accept", allocation_accept_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/allocations/{id}/nfa",	allocation_nfa_post,  PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/allocations/{id}/first-action", allocation_first_action_post, PERM_INCIDENT_UPDATE, 0 },
	{ METHOD_POST,	"/staff/allocations/{id}/assign", allocation_assign_post, PERM_INCIDENT_REALLOCATE, 0 },
	{ METHOD_POST,	"/staff/allocations/{id}/reallocate", allocation_reallocate_post, PERM_INCIDENT_REALLOCATE, 0 },
	/* Action plans (pages/case_action.c) and case panels
	 * (pages/case_panel.c); "new" before "{id}". */
	{ METHOD_GET,	"/staff/cases/{ref}/actions",	case_actions_get,     PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/cases/{ref}/actions/new", case_action_new_get, PERM_ACTION_MANAGE, 0 },
	{ METHOD_POST,	"/staff/cases/{ref}/actions",	case_action_new_post, PERM_ACTION_MANAGE, 0 },
	{ METHOD_GET,	"/staff/actions/{id}",		action_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/actions/{id}",		action_edit_post,     PERM_ACTION_MANAGE, 0 },
	{ METHOD_GET,	"/staff/actions/{id}/edit",	action_edit_get,      PERM_ACTION_MANAGE, 0 },
	{ METHOD_POST,	"/staff/actions/{id}/complete", action_complete_post, PERM_ACTION_MANAGE, 0 },
	{ METHOD_POST,	"/staff/actions/{id}/cancel",	action_cancel_post,   PERM_ACTION_MANAGE, 0 },
	{ METHOD_POST,	"/staff/actions/{id}/breaches", action_breach_post,  PERM_ACTION_MANAGE, 0 },
	{ METHOD_GET,	"/staff/panels",		panels_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/panels/new",		panel_new_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/panels",		panel_new_post,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/staff/panels/{id}",		panel_get,	      PERM_CASE_MANAGE, 0 },
	{ METHOD_POST,	"/staff/panels/{id}/cases",	panel_case_post,      PERM_CASE_MANAGE, 0 },
	{ METHOD_GET,	"/admin/action-types",		action_types_get,     PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/action-types/new",	action_type_new_get,  PERM_ADMIN_TYPES, 0 },
	{ METHOD_POST,	"/admin/action-types",		action_type_create_post, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/action-types/{id}",	action_type_edit_get, PERM_ADMIN_TYPES, 0 },
	{ METHOD_POST,	"/admin/action-types/{id}",	action_type_update_post, PERM_ADMIN_TYPES, 0 },
	{ METHOD_GET,	"/admin/action-types/{id}/history", action_type_history_get, PERM_ADMIN_TYPES, 0 },
	/* People (pages/person.c): merging is a supervisor's or manager's */
	{ METHOD_GET,	"/staff/people/{id}",		person_get,	      PERM_PERSON_VIEW, 0 },
	{ METHOD_GET,	"/staff/people/{id}/history",	person_history_get,   PERM_PERSON_VIEW, 0 },
	{ METHOD_GET,	"/staff/people/{id}/merge",	person_merge_get,     PERM_PERSON_MERGE, 0 },
	{ METHOD_POST,	"/staff/people/{id}/merge",	person_merge_post,    PERM_PERSON_MERGE, 0 },
	{ METHOD_POST,	"/staff/people/{id}/unmerge",	person_unmerge_post,  PERM_PERSON_MERGE, 0 },
	/* Monitored cases: a case's patterns (pages/case_patterns.c) */
	{ METHOD_GET,	"/staff/cases/{ref}/patterns",	case_patterns_get,    PERM_CASE_MANAGE, 0 },
	/* The ASB Case Review register (pages/case_review_list.c,
	 * _new.c, _view.c), "/new" before "{ref}". */
	{ METHOD_GET,	"/staff/case-review",		case_review_list_get,	  PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_GET,	"/staff/case-review/new",	case_review_new_get,	  PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review",		case_review_new_post,	  PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_GET,	"/staff/case-review/{ref}",	case_review_view_get,	  PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review/{ref}/decision", case_review_decision_post, PERM_CASE_REVIEW_MANAGE, 0 },
	/* A milestone's "mark done": its kind is the path's last part. */
	{ METHOD_POST,	"/staff/case-review/{ref}/milestones/acknowledge", case_review_milestone_post, PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review/{ref}/milestones/recommendations", case_review_milestone_post, PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review/{ref}/milestones/outcome_letter", case_review_milestone_post, PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review/{ref}/milestones/appeal", case_review_milestone_post, PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review/{ref}/review", case_review_review_post, PERM_CASE_REVIEW_MANAGE, 0 },
	{ METHOD_POST,	"/staff/case-review/{ref}/link", case_review_link_post,	  PERM_CASE_REVIEW_MANAGE, 0 },

	/* Public reporting (pages/report_*.c, a file a step) and tracking (pages/track.c) */
	{ METHOD_GET,	"/report",		report_start_get,    PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/type",		report_type_get,     PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/type",		report_type_post,    PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/subtype",	report_subtype_get,  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/subtype",	report_subtype_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/questions/{id}", report_question_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/questions/{id}", report_question_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/description",	report_description_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/description",	report_description_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/triage",	report_triage_get,   PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/triage",	report_triage_post,  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/when",		report_when_get,     PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/when",		report_when_post,    PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/where",	report_where_get,    PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/where",	report_where_post,   PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/impact",	report_impact_get,   PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/impact",	report_impact_post,  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/about-you",	report_about_get,    PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/about-you",	report_about_post,   PERM_PUBLIC, 0 },
	/* Partner reporters give their organisation's details instead
	 * (pages/report_partner.c); everyone else never sees this step. */
	{ METHOD_GET,	"/report/partner",	report_partner_get,  PERM_REPORT_PARTNER, 0 },
	{ METHOD_POST,	"/report/partner",	report_partner_post, PERM_REPORT_PARTNER, 0 },
	/* The upload streams through the multipart parser: the handler checks
	 * the CSRF token once it has read it, before storing any file. */
	{ METHOD_GET,	"/report/evidence",	report_evidence_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/evidence",	report_evidence_post, PERM_PUBLIC, ROUTE_STREAM_BODY },
	{ METHOD_POST,	"/report/evidence/remove", report_evidence_remove_post, PERM_PUBLIC, 0 },
	/* nginx's answer to an upload over its limit (error_page 413). */
	{ METHOD_GET,	"/report/evidence/too-large", report_evidence_too_large_get, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/check",	report_check_get,    PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/report/submit",	report_submit_post,  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/report/done",		report_done_get,     PERM_PUBLIC, 0 },
	/* The public online Case Review application
	 * (pages/case_review_online.c, pages/case_review_send.c). */
	{ METHOD_GET,	"/case-review",		case_review_start_get, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/who",	case_review_who_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/case-review/who",	case_review_who_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/your-details", case_review_you_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/case-review/your-details", case_review_you_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/victim",	case_review_victim_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/case-review/victim",	case_review_victim_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/behaviour", case_review_behaviour_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/case-review/behaviour", case_review_behaviour_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/reported", case_review_reported_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/case-review/reported", case_review_reported_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/check",	case_review_check_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/case-review/submit",	case_review_submit_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/done",	case_review_done_get, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/track/{ref}",	track_get,	     PERM_PUBLIC, 0 },
	/* The reporter's diary (pages/track_log.c): the tracking token in the
	 * query, files streamed as on the evidence step, the CSRF token
	 * checked by the handler before any file is stored. */
	{ METHOD_GET,	"/track/{ref}/log",	track_log_get,	     PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/track/{ref}/log",	track_log_post,	     PERM_PUBLIC, ROUTE_STREAM_BODY },

	/* The ASB Case Review's annual figures, public
	 * (pages/case_review_figures.c); before any "/case-review/{step}". */
	{ METHOD_GET,	"/case-review/figures",	case_review_figures_get, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/case-review/figures.csv", case_review_figures_csv_get, PERM_PUBLIC, 0 },
	/* The weekly operational dashboard and its tables' CSVs (pages/dash_ops*.c) */
	{ METHOD_GET,	"/dashboards/operational", dash_ops_get,	PERM_REPORTING_VIEW, 0 },
	{ METHOD_GET,	"/dashboards/operational.csv", dash_ops_csv_get, PERM_REPORTING_VIEW, 0 },
	/* The hotspot dashboard and its tables' CSVs (pages/dash_hot*.c) */
	{ METHOD_GET,	"/dashboards/hotspots", dash_hot_get,	PERM_REPORTING_VIEW, 0 },
	{ METHOD_GET,	"/dashboards/hotspots.csv", dash_hot_csv_get, PERM_REPORTING_VIEW, 0 },

	/* The CAD API (api/api_gate.c): every call signed by a client's key;
	 * the permission is checked against the client's scopes. */
	{ METHOD_GET,	"/api/v1/client",	api_client_get,	     PERM_SIGNED_IN, ROUTE_API_SIGNED },
	/* Existing incidents (api/incident_*.c): read, the change feed,
	 * changes, entries; a subscription only asks to hear of them. */
	{ METHOD_GET,	"/api/v1/incidents",	api_incidents_get,   PERM_INCIDENT_VIEW, ROUTE_API_SIGNED },
	{ METHOD_GET,	"/api/v1/incidents/{ref}", api_incident_get, PERM_INCIDENT_VIEW, ROUTE_API_SIGNED },
	{ METHOD_PATCH,	"/api/v1/incidents/{ref}", api_incident_patch, PERM_INCIDENT_UPDATE, ROUTE_API_SIGNED },
	{ METHOD_POST,	"/api/v1/incidents/{ref}/events", api_incident_events_post, PERM_INCIDENT_UPDATE, ROUTE_API_SIGNED },
	{ METHOD_PUT,	"/api/v1/incidents/{ref}/subscription", api_subscription_put, PERM_INCIDENT_VIEW, ROUTE_API_SIGNED },
	{ METHOD_DELETE, "/api/v1/incidents/{ref}/subscription", api_subscription_delete, PERM_INCIDENT_VIEW, ROUTE_API_SIGNED },
	/* api/incident_create.c: a create, with an Idempotency-Key. */
	{ METHOD_POST,	"/api/v1/incidents",	api_incidents_post,  PERM_INCIDENT_CREATE, ROUTE_API_SIGNED },
	/* The EIDO adapter (api/eido.c) and the API's own description. */
	{ METHOD_POST,	"/api/v1/eido",		eido_post,	     PERM_INCIDENT_CREATE, ROUTE_API_SIGNED },
	{ METHOD_GET,	"/api/v1/incidents/{ref}/eido", eido_get,    PERM_INCIDENT_VIEW, ROUTE_API_SIGNED },
	/* The OData feed of the reporting views, for Power BI (api/odata_*.c):
	 * an analyst's key; $metadata before the sets. */
	{ METHOD_GET,	"/odata/concord.pbids",	odata_pbids_get,     PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/odata/v4",		odata_service_get,   PERM_REPORTING_VIEW, ROUTE_ODATA },
	{ METHOD_GET,	"/odata/v4/",		odata_service_get,   PERM_REPORTING_VIEW, ROUTE_ODATA },
	{ METHOD_GET,	"/odata/v4/$metadata",	odata_metadata_get,  PERM_REPORTING_VIEW, ROUTE_ODATA },
	{ METHOD_GET,	"/odata/v4/{set}",	odata_set_get,	     PERM_REPORTING_VIEW, ROUTE_ODATA },
	{ METHOD_GET,	"/odata/v4/{set}/$count", odata_count_get,   PERM_REPORTING_VIEW, ROUTE_ODATA },
	{ METHOD_GET,	"/api/v1/openapi.json",	openapi_get,	     PERM_PUBLIC, ROUTE_NO_CSRF },

	/* Open311 GeoReport v2 (api/open311.c): public reads; posts carry an
	 * api_key instead of a CSRF token. "{file}" is "name.json" or
	 * "name.xml": the handler splits off the format. */
	{ METHOD_GET,	"/open311/v2/discovery.json", open311_discovery_get, PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/discovery.xml",  open311_discovery_get, PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/services.json",  open311_services_get,  PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/services.xml",   open311_services_get,  PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/services/{file}", open311_service_get,  PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/requests.json",  open311_requests_get,  PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/requests.xml",   open311_requests_get,  PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_POST,	"/open311/v2/requests.json",  open311_requests_post, PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_POST,	"/open311/v2/requests.xml",   open311_requests_post, PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/requests/{file}", open311_request_get,  PERM_PUBLIC, ROUTE_NO_CSRF },
	{ METHOD_GET,	"/open311/v2/tokens/{file}",  open311_token_get,     PERM_PUBLIC, ROUTE_NO_CSRF },
};

const size_t routes_n = sizeof(routes) / sizeof(routes[0]);
