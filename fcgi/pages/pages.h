#ifndef PAGES_PAGES_H
#define PAGES_PAGES_H

struct arena;
struct req;
struct view_dict;

/* Handlers for HTML pages, one file per area of the site. */
void	home_get(struct req *);
void	signin_get(struct req *);
void	signin_post(struct req *);
void	signin_code_get(struct req *);
void	signin_code_post(struct req *);
void	signin_qr_get(struct req *);
void	signout_post(struct req *);
void	staff_home_get(struct req *);

/* pages/activity.c: your own and your team's audit trail */
void	my_history_get(struct req *);
void	team_activity_get(struct req *);

/* pages/admin.c, admin_agency.c, admin_team.c, admin_user.c, admin_role.c */
void	admin_home_get(struct req *);
void	agency_list_get(struct req *);
void	agency_new_get(struct req *);
void	agency_create_post(struct req *);
void	agency_edit_get(struct req *);
void	agency_update_post(struct req *);
void	agency_history_get(struct req *);
void	team_list_get(struct req *);
void	team_new_get(struct req *);
void	team_create_post(struct req *);
void	team_edit_get(struct req *);
void	team_update_post(struct req *);
void	team_history_get(struct req *);
void	user_list_get(struct req *);
void	user_new_get(struct req *);
void	user_create_post(struct req *);
void	user_edit_get(struct req *);
void	user_update_post(struct req *);
void	user_history_get(struct req *);
void	role_list_get(struct req *);
void	role_new_get(struct req *);
void	role_create_post(struct req *);
void	role_edit_get(struct req *);
void	role_update_post(struct req *);
void	role_history_get(struct req *);

/* pages/admin_asb.c: ASB types and their questions */
void	asb_type_list_get(struct req *);
void	asb_type_new_get(struct req *);
void	asb_type_create_post(struct req *);
void	asb_type_edit_get(struct req *);
void	asb_type_update_post(struct req *);
void	asb_type_history_get(struct req *);
void	question_new_get(struct req *);
void	question_create_post(struct req *);
void	question_edit_get(struct req *);
void	question_update_post(struct req *);
void	question_history_get(struct req *);

/* pages/admin_routing.c, admin_routing_form.c: routing rules, the triage
 * queue and the "try it" box */
void	routing_list_get(struct req *);
void	routing_new_get(struct req *);
void	routing_create_post(struct req *);
void	routing_triage_post(struct req *);
void	routing_edit_get(struct req *);
void	routing_update_post(struct req *);
void	routing_move_post(struct req *);
void	routing_delete_post(struct req *);
void	routing_history_get(struct req *);

/* pages/admin_deliveries.c: a CAD client's webhook deliveries and the
 * replay of a dead letter */
void	deliveries_get(struct req *);
void	delivery_replay_post(struct req *);
/* pages/admin_api_client.c: API clients, CAD and Open311 */
void	api_clients_get(struct req *);
void	api_client_new_get(struct req *);
void	api_client_create_post(struct req *);
void	api_client_view_get(struct req *);
void	api_client_update_post(struct req *);
void	api_client_rotate_post(struct req *);
void	api_client_revoke_get(struct req *);
void	api_client_revoke_post(struct req *);
void	api_client_history_get(struct req *);

/* pages/incident_list.c, pages/incident_view.c, pages/incident_evidence.c */
void	incident_list_get(struct req *);
void	incident_view_get(struct req *);
void	incident_status_post(struct req *);
void	incident_update_post(struct req *);
void	incident_close_request_post(struct req *);
void	incident_link_post(struct req *);
void	incident_unlink_post(struct req *);
void	incident_evidence_post(struct req *);
void	incident_locate_post(struct req *);
int	text_paragraphs_dict(struct arena *, struct view_dict *, const char *section,
	    const char *text);
void	incident_history_get(struct req *);

/* pages/risk.c: risk assessment, its history and reviews */
/* Victim contact and supervisor reviews (pages/case_contact.c,
 * pages/case_supervision.c) */
void	case_contact_get(struct req *);
void	case_contact_plan_get(struct req *);
void	case_contact_plan_post(struct req *);
void	case_contact_log_get(struct req *);
void	case_contact_log_post(struct req *);
void	case_supervision_get(struct req *);
void	case_supervision_new_get(struct req *);
void	case_supervision_post(struct req *);
void	risk_assess_get(struct req *);
void	risk_assess_post(struct req *);
void	risk_history_get(struct req *);
void	risk_reviews_get(struct req *);
void	risk_review_get_page(struct req *);
void	risk_review_post(struct req *);

/* pages/incident_list.c: an incident's flags as tags, wherever listed */
int	incident_flags_dict(struct view_dict *, unsigned flags);

/* pages/case_review.c: the ASB Case Review prompt on the incident page */
struct incident_flags;
int	case_review_dict(struct req *, struct view_dict *, const struct incident_flags *,
	    const char *reference, long long version);
void	case_review_post(struct req *);
/* The ASB Case Review's annual figures. */
void	case_review_figures_get(struct req *);
void	case_review_figures_csv_get(struct req *);

/* pages/dash_ops.c, pages/dash_ops_csv.c: the weekly operational dashboard */
void	dash_ops_get(struct req *);
void	dash_ops_csv_get(struct req *);

/* pages/dash_hot.c, pages/dash_hot_csv.c: the hotspot dashboard */
void	dash_hot_get(struct req *);
void	dash_hot_csv_get(struct req *);

/* Monitored cases, the core: pages/case_list.c, case_new.c,
 * case_view.c, case_forms.c */
void	case_list_get(struct req *);
void	case_mine_get(struct req *);
void	case_new_get(struct req *);
void	case_new_post(struct req *);
void	case_view_get(struct req *);
void	case_history_get(struct req *);
void	case_incident_post(struct req *);
void	case_dismiss_post(struct req *);
void	case_person_post(struct req *);
void	case_group_post(struct req *);
void	case_place_post(struct req *);
void	case_agency_post(struct req *);
void	case_agency_remove_post(struct req *);
void	case_lead_post(struct req *);
void	case_close_post(struct req *);
void	case_reopen_post(struct req *);
/* pages/case_incident.c: the incident page's cases and "open a case" */
struct incident;
int	case_incident_dict(struct req *, struct view_dict *, const struct incident *,
	    const struct incident_flags *);
const char *case_review_window_words(struct req *);

/* The Case Review register (pages/case_review_list.c, _new.c,
 * _view.c) */
void	case_review_list_get(struct req *);
void	case_review_new_get(struct req *);
void	case_review_new_post(struct req *);
void	case_review_view_get(struct req *);
void	case_review_decision_post(struct req *);
void	case_review_milestone_post(struct req *);
void	case_review_review_post(struct req *);
void	case_review_link_post(struct req *);

/* pages/queue.c, pages/queue_item.c: the team queues and their items */
void	queues_get(struct req *);
void	queue_mine_get(struct req *);
void	queue_workload_get(struct req *);
void	queue_team_get(struct req *);
void	allocation_get(struct req *);
void	allocation_claim_post(struct req *);
void	allocation_assign_post(struct req *);
void	allocation_accept_post(struct req *);
void	allocation_reallocate_post(struct req *);
void	allocation_nfa_post(struct req *);
void	allocation_first_action_post(struct req *);

/* pages/person.c: a person, merging two records of one person, undoing it */
void	person_get(struct req *);
void	person_history_get(struct req *);
void	person_merge_get(struct req *);
void	person_merge_post(struct req *);
void	person_unmerge_post(struct req *);

/* pages/case_patterns.c: a monitored case's Patterns tab */
void	case_patterns_get(struct req *);

/* pages/incident_new.c: a police officer records an incident */
void	incident_new_get(struct req *);
void	incident_new_post(struct req *);

/* pages/quick.c: the call handler's quick entry and repeat callers */
void	quick_get(struct req *);
void	quick_post(struct req *);

/* pages/reports.c, pages/evidence.c */
void	report_list_get(struct req *);
void	evidence_get(struct req *);

/* pages/report_*.c: the public reporting form, a file a step; pages/track.c */
void	report_start_get(struct req *);
void	report_type_get(struct req *);
void	report_type_post(struct req *);
void	report_subtype_get(struct req *);
void	report_subtype_post(struct req *);
void	report_question_get(struct req *);
void	report_question_post(struct req *);
void	report_when_get(struct req *);
void	report_when_post(struct req *);
void	report_where_get(struct req *);
void	report_where_post(struct req *);
void	report_description_get(struct req *);
void	report_description_post(struct req *);
void	report_triage_get(struct req *);
void	report_triage_post(struct req *);
void	report_impact_get(struct req *);
void	report_impact_post(struct req *);
void	report_about_get(struct req *);
void	report_about_post(struct req *);
void	report_evidence_get(struct req *);
void	report_evidence_post(struct req *);
void	report_evidence_remove_post(struct req *);
void	report_evidence_too_large_get(struct req *);
void	report_check_get(struct req *);
void	report_submit_post(struct req *);
void	report_done_get(struct req *);

/* pages/report_partner.c: the partner route's own step and list */
void	report_partner_get(struct req *);
void	report_partner_post(struct req *);
void	partner_report_list_get(struct req *);
void	track_get(struct req *);
/* pages/track_log.c: the reporter's diary, from the tracking page */
void	track_log_get(struct req *);
void	track_log_post(struct req *);

/* pages/case_action.c (a case's action plan and its actions),
 * pages/case_panel.c (case panels), pages/admin_action_type.c */
void	case_actions_get(struct req *);
void	case_action_new_get(struct req *);
void	case_action_new_post(struct req *);
void	action_get(struct req *);
void	action_edit_get(struct req *);
void	action_edit_post(struct req *);
void	action_complete_post(struct req *);
void	action_cancel_post(struct req *);
void	action_breach_post(struct req *);
void	panels_get(struct req *);
void	panel_new_get(struct req *);
void	panel_new_post(struct req *);
void	panel_get(struct req *);
void	panel_case_post(struct req *);
void	action_types_get(struct req *);
void	action_type_new_get(struct req *);
void	action_type_create_post(struct req *);
void	action_type_edit_get(struct req *);
void	action_type_update_post(struct req *);
void	action_type_history_get(struct req *);
/* pages/case_review_online.c, pages/case_review_send.c: the
 * public online Case Review application */
void	case_review_start_get(struct req *);
void	case_review_who_get(struct req *);
void	case_review_who_post(struct req *);
void	case_review_you_get(struct req *);
void	case_review_you_post(struct req *);
void	case_review_victim_get(struct req *);
void	case_review_victim_post(struct req *);
void	case_review_behaviour_get(struct req *);
void	case_review_behaviour_post(struct req *);
void	case_review_reported_get(struct req *);
void	case_review_reported_post(struct req *);
void	case_review_check_get(struct req *);
void	case_review_submit_post(struct req *);
void	case_review_done_get(struct req *);

#endif
