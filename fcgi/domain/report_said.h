#ifndef DOMAIN_REPORT_SAID_H
#define DOMAIN_REPORT_SAID_H

struct json_object;
struct report_input;

/* What a report says beyond its answers, as the report row keeps it:
 * report.impact (how it affects them, and the yes/no triage facts that
 * incident.report_triage gathers, sql/migrations/0035 and 0039) and
 * report.partner (a partner's references and who, of its tenants, is
 * affected and responsible). Each returns a new object; the partner's is
 * NULL on the other channels. */
struct json_object	*report_impact_json(const struct report_input *);
struct json_object	*report_partner_json(const struct report_input *);

#endif
