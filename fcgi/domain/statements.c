/* The statement tables of every domain file, in one list for store/pg.c. */
#include "domain/admin_agency.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_client_admin.h"
#include "domain/api_mapping.h"
#include "domain/api_incident.h"
#include "domain/point_bng.h"
#include "domain/rpt.h"
#include "domain/admin_asb.h"
#include "domain/admin_role.h"
#include "domain/admin_team.h"
#include "domain/admin_user.h"
#include "domain/allocate.h"
#include "domain/area.h"
#include "domain/asb_catalogue.h"
#include "domain/audit.h"
#include "domain/call.h"
#include "domain/case.h"
#include "domain/case_review_count.h"
#include "domain/case_review_figures.h"
#include "domain/dash_hot.h"
#include "domain/dash_ops.h"
#include "domain/case_pattern.h"
#include "domain/case_contact.h"
#include "domain/case_supervision.h"
#include "domain/case_core.h"
#include "domain/case_review.h"
#include "domain/case_review_due.h"
#include "domain/evidence.h"
#include "domain/flag_store.h"
#include "domain/health.h"
#include "domain/history.h"
#include "domain/incident.h"
#include "domain/incident_detail.h"
#include "domain/incident_link.h"
#include "domain/incident_locate.h"
#include "domain/incident_status.h"
#include "domain/incident_update.h"
#include "domain/intake.h"
#include "domain/intake_dedup.h"
#include "domain/intake_impl.h"
#include "domain/intake_write.h"
#include "domain/open311.h"
#include "domain/outbox.h"
#include "domain/partner_reports.h"
#include "domain/officer.h"
#include "domain/person.h"
#include "domain/person_match.h"
#include "domain/person_merge.h"
#include "domain/queue.h"
#include "domain/report.h"
#include "domain/report_diary.h"
#include "domain/report_earlier.h"
#include "domain/report_list.h"
#include "domain/risk_provisional.h"
#include "domain/risk_record.h"
#include "domain/risk_review.h"
#include "domain/routing_rule.h"
#include "domain/similar.h"
#include "domain/tx.h"
#include "domain/action_type.h"
#include "domain/case_action.h"
#include "domain/case_panel.h"
#include "domain/timeline.h"
#include "domain/users.h"
#include "domain/webhook_admin.h"
#include "domain/statements.h"
#include "store/pg.h"

const struct pg_stmts *const domain_statements[] = {
	&admin_agency_statements,
	&admin_asb_statements,
	&admin_role_statements,
	&admin_team_statements,
	&admin_user_statements,
	&allocate_statements,
	&area_statements,
	&asb_catalogue_statements,
	&audit_statements,
	&call_statements,
	&case_head_statements,
	&case_review_count_statements,
	&case_review_figures_statements,
	&dash_ops_statements,
	&dash_hot_statements,
	&case_pattern_statements,
	/* Action plans and case panels */
	&action_type_statements,
	&case_action_statements,
	&case_panel_statements,
	/* Victim contact and supervisor reviews */
	&case_contact_statements,
	&case_supervision_statements,
	/* Monitored cases, the core */
	&case_open_statements,
	&case_overview_statements,
	&case_change_statements,
	&case_list_statements,
	&case_review_apply_statements,
	&case_review_register_statements,
	&case_review_decide_statements,
	&case_review_due_statements,
	&evidence_statements,
	&flag_store_statements,
	&health_statements,
	&history_statements,
	&incident_statements,
	&incident_update_statements,
	&incident_detail_statements,
	&incident_link_statements,
	&incident_locate_statements,
	&incident_status_statements,
	&api_caller_statements,
	&api_client_admin_statements,
	&api_mapping_statements,
	&api_incident_statements,
	&api_incident_create_statements,
	&api_incident_feed_statements,
	&api_incident_patch_statements,
	&api_incident_event_statements,
	&api_subscription_statements,
	&point_bng_statements,
	&intake_statements,
	&intake_dedup_statements,
	&intake_staff_statements,
	&intake_write_statements,
	&open311_statements,
	&outbox_statements,
	&partner_reports_statements,
	&officer_statements,
	&person_statements,
	&person_match_statements,
	&person_merge_statements,
	&queue_list_statements,
	&queue_item_statements,
	&queue_act_statements,
	&report_statements,
	&report_diary_statements,
	&report_earlier_statements,
	&report_track_statements,
	&report_list_statements,
	&risk_provisional_statements,
	&risk_record_statements,
	&risk_review_statements,
	&routing_rule_statements,
	&similar_statements,
	&tx_statements,
	/* The reporting views */
	&rpt_statements,
	&timeline_statements,
	&users_statements,
	&webhook_admin_statements,
};
const size_t domain_statements_n =
    sizeof(domain_statements) / sizeof(domain_statements[0]);
