/* Taking a report of ASB: where it is, whether it repeats an open
 * incident, and then — in one transaction — the incident (new, or the one
 * it joins), the reporter and their part in it, the report, the audit rows
 * and the notification job. Whether it repeats one is domain/intake_dedup.c's
 * to say; the checks come before, in domain/intake.c, the one caller of
 * report_submit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/hex.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/evidence.h"
#include "domain/flags.h"
#include "domain/intake_dedup.h"
#include "domain/outbox.h"
#include "domain/person_match.h"
#include "domain/report.h"
#include "domain/report_said.h"
#include "domain/report_earlier.h"
#include "domain/tx.h"
#include "store/pg.h"

/* Who takes a public report, and keeps it and its reporter whatever
 * incident it joins: `partner` its own report, else the core partner whose
 * council area (`area_agency`) it is in, else the partnership's first
 * council, else its first police force. Chosen under the caller's
 * settings (agency has no row security). */
#define REPORT_OWNER_SQL(area_agency, partner)				\
	"SELECT CASE WHEN " partner "::bigint > 0 THEN " partner "::bigint ELSE " \
	"(SELECT id FROM agency WHERE active AND core_partner "		\
	"ORDER BY id = " area_agency "::bigint DESC, kind = 'local_authority' DESC, " \
	"id LIMIT 1) END AS id"

static const struct pg_stmt stmts[] = {
	{ "report_type", "SELECT id, name FROM asb_type WHERE code = $1 AND active" },
	/* The first statement of a report's transaction, each part LATERAL on
	 * the one before so that they run in this order: where its point is
	 * (AREA_LOCATE_SQL; $1 $2, NULL without one); who takes it
	 * (REPORT_OWNER_SQL; $3 a partner's own agency, or for imported
	 * history the importing one's, else 0), made the actor for the rest
	 * with person view ($4 the caller's user id): row security checks the
	 * rows it writes on the owner's behalf, and the duplicate look-up
	 * answers only a core partner's intake; the report already made with
	 * its idempotency key ($5, NULL without one); and the lock on its
	 * neighbourhood ($6 the cells, $7 the type) with, when $8, the look-up
	 * (INTAKE_DEDUP_SQL, $10 the report's triage answers; $11 NULL, or for
	 * imported history the time it occurred, which the look-up's window is
	 * around). One row: AREA_COLUMNS, the owner (NULL when there is
	 * none), the earlier report (NULL when none), the incident to join
	 * and what the report finds there (INTAKE_DEDUP_COLUMNS, NULL when
	 * none or not looked for), the reference the new incident or report
	 * takes (so that its audit rows and mail go in with it), and whether
	 * the catalogue has changed since version $9 (0: not checked). */
	{ "report_begin",
	  "WITH loc (b_id, b_agency, b_code, b_name, b_core, a_id, a_agency, "
	  "a_code, a_name, a_core, council) AS (" AREA_LOCATE_SQL("$1", "$2") ") "
	  "SELECT loc.*, o.id, k.id, k.reference, k.incident_id, k.incident_reference, "
	  "d.*, CASE WHEN k.id IS NULL THEN next_reference() END, "
	  "$9::bigint > 0 AND $9::bigint <> (SELECT n FROM catalogue_version) FROM loc "
	  "CROSS JOIN LATERAL (" REPORT_OWNER_SQL("coalesce(loc.a_agency, 0)", "$3") ") AS o "
	  "CROSS JOIN LATERAL (SELECT " TX_ACTOR_SQL("$4", "coalesce(o.id, 0)::text", "'1'")
	  ") AS s (u, a, v) "
	  "LEFT JOIN LATERAL report_by_idempotency_key(CASE WHEN s.a IS NOT NULL "
	  "THEN $5::text END) AS k ON true "
	  INTAKE_DEDUP_SQL("s.a IS NOT NULL", "$6", "$7", "$1", "$2", "$10", "$11", "$8") },
	{ "report_person",
	  "INSERT INTO person (owning_agency_id, sharing, shared_with, given_name, "
	  "family_name, email, phone, preferred_contact, contact_consent, share_consent, "
	  "vulnerable, name_key, phone_key, email_key) VALUES ($1, 'partnership', "
	  "$2::bigint[], nullif($3, ''), nullif($4, ''), nullif($5, ''), nullif($6, ''), "
	  "nullif($7, ''), true, $8::boolean, $9::boolean, nullif($10, ''), "
	  "nullif($11, ''), nullif($12, '')) RETURNING id" },
	{ "report_incident",
	  "INSERT INTO incident (reference, channel, asb_type_id, description, "
	  "occurred_at, recurring, location, address, postcode, beat_id, la_area_id, "
	  "status, vulnerable, repeat_victim, answers, reporter_id, owning_agency_id, "
	  "sharing, report_triage) VALUES ($18, $1::incident_channel, $2, "
	  "nullif($3, ''), "
	  "$4::timestamptz, $5::jsonb, CASE WHEN $6::float8 IS NULL THEN NULL ELSE "
	  "ST_SetSRID(ST_MakePoint($6::float8, $7::float8), 4326) END, nullif($8, ''), "
	  "nullif($9, ''), nullif($10, '0')::bigint, nullif($11, '0')::bigint, 'new', "
	  "$12::boolean, $13::boolean, $14::jsonb, $15::bigint, $16, 'partnership', "
	  "triage_or(NULL, $17::jsonb)) RETURNING id, reference" },
	/* The report keeps its own place and times, whether it makes an
	 * incident or joins one. Its reporter ($5) is the incident's part
	 * 'reporter' too; when $22, the report makes them first, from
	 * $23..$32 (as report_person, with the report's owner and sharing):
	 * one round trip for the reporter, the report and the part, and the
	 * two audit rows and the confirmation mail (AUDIT_BOTH_SQL from $33,
	 * the report's id from the insert; AUDIT_JOB_SQL, none when $45 is
	 * NULL); and when $47 (its triage answers add to those of the
	 * incident it joins), report_triage_add. The only insert into report:
	 * incident.report_triage depends on it (0038). */
	{ "report_insert",
	  "WITH p AS (INSERT INTO person (owning_agency_id, sharing, shared_with, "
	  "given_name, family_name, email, phone, preferred_contact, contact_consent, "
	  "share_consent, vulnerable, name_key, phone_key, email_key) "
	  "SELECT $13, 'partnership', $14::bigint[], nullif($23, ''), nullif($24, ''), "
	  "nullif($25, ''), nullif($26, ''), nullif($27, ''), true, $28::boolean, "
	  "$29::boolean, nullif($30, ''), nullif($31, ''), nullif($32, '') "
	  "WHERE $22::boolean RETURNING id), "
	  "who AS (SELECT coalesce((SELECT id FROM p), $5::bigint) AS id), "
	  "part AS (INSERT INTO incident_person (incident_id, person_id, role, added_by) "
	  "SELECT $2, who.id, 'reporter', nullif($15, '0')::bigint FROM who "
	  "WHERE who.id IS NOT NULL ON CONFLICT DO NOTHING), "
	  "r AS (INSERT INTO report (reference, incident_id, channel, tracking_hash, "
	  "reporter_id, description, answers, impact, partner, email_updates, "
	  "idempotency_key, client_ref, owning_agency_id, sharing, shared_with, created_by, "
	  "location, address, postcode, occurred_at, recurring) "
	  "VALUES ($1, $2, $3::incident_channel, $4, (SELECT id FROM who), nullif($6, ''), "
	  "$7::jsonb, $8::jsonb, $9::jsonb, $10::boolean, nullif($11, ''), "
	  "nullif($12, ''), $13, 'partnership', $14::bigint[], "
	  "nullif($15, '0')::bigint, CASE WHEN $16::float8 IS NULL THEN NULL ELSE "
	  "ST_SetSRID(ST_MakePoint($16::float8, $17::float8), 4326) END, nullif($18, ''), "
	  "nullif($19, ''), $20::timestamptz, $21::jsonb) "
	  "RETURNING id, reference, coalesce(reporter_id, 0)), "
	  "job AS (" AUDIT_JOB_SQL("$45", "$46") "), "
	  "trail AS (" AUDIT_BOTH_SQL("$33", "$34", "$35", "(SELECT id::text FROM r)", "$36",
	  "$37", "$38", "$39", "$40", "$41", "$42", "$43", "$44") "), "
	  "tri AS (SELECT report_triage_add(r.id) FROM r WHERE $47::boolean) "
	  "SELECT r.*, (SELECT count(*) FROM tri) FROM r" },
};

const struct pg_stmts report_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* What the transaction decides before it writes. */
struct plan {
	long long	 type_id;
	char		 type_name[201];
	long long	 owner;		/* takes the report: owns it and the reporter */
	long long	 join;		/* an open incident to join, or 0 */
	long long	 join_owner;	/* that incident's owner */
	int		 join_adds;	/* the report's triage answers add to its */
	struct json_object *impact;	/* the report's triage answers (report_impact_json) */
	char		 join_flags[8];	/* its flags, as incident_flag_letters */
	char		 shared_with[32];	/* who else sees them: "{}" or "{id}" */
	char		 reference[32];	/* the new incident's, or the report's that joins */
};

static void
num(char *buf, size_t len, long long v)
{
	snprintf(buf, len, "%lld", v);
}

static const char *
yesno(int v)
{
	return v > 0 ? "true" : "false";
}

/* The type (read with the questions by the intake, so seldom here): before
 * the transaction. REPORT_OK, REPORT_BAD_TYPE or REPORT_ERROR. */
static enum report_rc
plan_type(struct pg *pg, const struct report_input *in, struct plan *pl)
{
	const char *p[1] = { in->type_code };
	PGresult *res;
	int found;

	memset(pl, 0, sizeof(*pl));
	if (in->type_id != 0 && in->type_name != NULL) {
		pl->type_id = in->type_id;
		snprintf(pl->type_name, sizeof(pl->type_name), "%s", in->type_name);
		return REPORT_OK;
	}
	if ((res = pg_exec(pg, "report_type", 1, p)) == NULL)
		return REPORT_ERROR;
	if ((found = PQntuples(res) == 1)) {
		pl->type_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(pl->type_name, sizeof(pl->type_name), "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	return found ? REPORT_OK : REPORT_BAD_TYPE;
}

static const char *json_text(struct json_object *, const char *empty);

/* The owner, whether to join, and whether the report was made already:
 * everything decided before a row is written, from report_begin (the
 * transaction's first statement). From here the actor is the owner.
 * Returns REPORT_OK (and *seen 1 when the report was made already: out
 * has it), REPORT_OUTSIDE, REPORT_STALE or REPORT_ERROR. */
static enum report_rc
plan_make(struct pg *pg, struct rd *rd, struct actor *a,
    const struct report_input *in, struct report_result *out, struct plan *pl,
    int *seen)
{
	enum { C_OWNER = AREA_COLUMNS, C_EARLIER, C_JOIN = C_EARLIER + 4,
	    C_REFERENCE = C_JOIN + INTAKE_DEDUP_COLUMNS, C_STALE };
	long long own = strcmp(in->channel, "partner") == 0 && a->agency_id > 0 ?
	    a->agency_id : 0;
	int history = report_is_history(in);
	char x[32], y[32], partner[24], uid[24], tid[24], cat[24];
	const char *p[11] = { NULL, NULL, partner, uid, in->idempotency_key, NULL, tid, NULL,
	    cat, json_text(pl->impact = report_impact_json(in), "{}"),
	    history ? in->occurred_at : NULL };
	struct intake_dedup_found looked, join;
	struct intake_dedup_ask ask;
	PGresult *res;
	int found;

	*seen = 0;
	intake_dedup_ask(rd, in, pl->type_id, own, &ask);
	if (in->has_point) {
		area_point_text(in->lon, in->lat, x, y);
		p[0] = x;
		p[1] = y;
	}
	if (p[4] != NULL && *p[4] == '\0')
		p[4] = NULL;
	/* Imported history is the importing agency's own record, as a
	 * partner's report is its own. */
	num(partner, sizeof(partner), history ? a->agency_id : own);
	num(uid, sizeof(uid), a->user_id);
	num(tid, sizeof(tid), pl->type_id);
	num(cat, sizeof(cat), in->catalogue);
	p[5] = ask.cells;
	p[7] = yesno(ask.look);
	if ((res = pg_begin_exec(pg, "report_begin", 11, p)) == NULL)
		return REPORT_ERROR;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return REPORT_ERROR;
	}
	/* The answers were checked by questions that have changed since. */
	if (PQgetvalue(res, 0, C_STALE)[0] == 't') {
		PQclear(res);
		return REPORT_STALE;
	}
	/* A double click or a resubmitted form: the report already made. */
	if (!PQgetisnull(res, 0, C_EARLIER))
		return (*seen = report_earlier_row(pg, res, C_EARLIER, in->tracking_token,
		    out)) == -1 ? REPORT_ERROR : REPORT_OK;
	if (in->has_point)
		area_row(res, &out->where);
	if ((found = !PQgetisnull(res, 0, C_OWNER)))
		pl->owner = strtoll(PQgetvalue(res, 0, C_OWNER), NULL, 10);
	snprintf(pl->reference, sizeof(pl->reference), "%s", PQgetvalue(res, 0, C_REFERENCE));
	intake_dedup_row(res, 0, C_JOIN, &looked);
	PQclear(res);
	/* Someone reporting from outside is told whom to tell instead; a
	 * force's own history outside its beats is still its history (the
	 * allocation sends it to the force's triage queue). */
	if (in->has_point && !out->where.in_partnership && !history)
		return REPORT_OUTSIDE;
	if (!found)
		return REPORT_ERROR;
	/* The rows belong to the owner, and the intake writes the reporter's
	 * details on their behalf (report_begin set these in the transaction). */
	a->agency_id = pl->owner;
	a->core_partner = 1;
	a->perms |= PERM_BIT(PERM_PERSON_VIEW);
	if (intake_dedup_answer(pg, rd, in, pl->type_id, own, p[9], &ask, &looked,
	    &join) == -1)
		return REPORT_ERROR;
	pl->join = join.incident;
	pl->join_owner = join.owner;
	pl->join_adds = join.adds;
	snprintf(pl->join_flags, sizeof(pl->join_flags), "%s", join.flags);
	/* Joining another agency's incident hands it the reporter and their
	 * answers only when they agreed to share with partner agencies; the
	 * core partners (police, council) see them at partnership level. */
	if (pl->join != 0 && pl->join_owner != pl->owner && in->share_consent > 0)
		snprintf(pl->shared_with, sizeof(pl->shared_with), "{%lld}", pl->join_owner);
	else
		snprintf(pl->shared_with, sizeof(pl->shared_with), "{}");
	return REPORT_OK;
}

static const char *
json_text(struct json_object *o, const char *empty)
{
	return o != NULL ? json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN) : empty;
}

/* The reporter's own fields: report_person's $3..$12, report_insert's
 * $23..$32. The keys are the normal forms person matching looks people
 * up by. */
struct reporter {
	struct person_keys	 k;
	const char		*p[10];
};

static void
reporter_fields(const struct report_input *in, struct reporter *r)
{
	struct person_facts f = { in->given_name, in->family_name, NULL, in->phone,
	    in->email, NULL };

	pm_keys_make(&f, &r->k);
	r->p[0] = in->given_name ? in->given_name : "";
	r->p[1] = in->family_name ? in->family_name : "";
	r->p[2] = in->email ? in->email : "";
	r->p[3] = in->phone ? in->phone : "";
	r->p[4] = in->preferred_contact ? in->preferred_contact : "";
	r->p[5] = yesno(in->share_consent);
	r->p[6] = yesno(in->vulnerable);
	r->p[7] = r->k.name;
	r->p[8] = r->k.phone;
	r->p[9] = r->k.email;
}

/* The reporter of a new incident, unless anonymous: 0 and no row then.
 * (A report that joins makes its reporter in report_insert.) */
static int
write_person(struct pg *pg, const struct report_input *in, const struct plan *pl,
    long long *id)
{
	char owner[24];
	struct reporter r;
	const char *p[12];
	PGresult *res;

	*id = 0;
	if (in->anonymous)
		return 0;
	reporter_fields(in, &r);
	num(owner, sizeof(owner), pl->owner);
	p[0] = owner;
	/* The core partners see who; another agency only by consent (plan_make). */
	p[1] = pl->shared_with;
	memcpy(&p[2], r.p, sizeof(r.p));
	if ((res = pg_exec(pg, "report_person", 12, p)) == NULL)
		return -1;
	*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return 0;
}

static int
write_incident(struct pg *pg, const struct report_input *in, const struct plan *pl,
    struct report_result *out, long long reporter, long long *id)
{
	char lon[32], lat[32], beat[24], area[24], rep[24], owner[24], tid[24];
	struct json_object *answers = in->answers;
	struct flag_facts facts = { .urgent = in->happening_now, .vulnerable = in->vulnerable,
	    .targeted = in->targeted, .happened_before = in->happened_before };
	struct flag_windows w;
	struct flag_result flags;
	const char *p[18];
	PGresult *res;
	int rc = -1;

	snprintf(lon, sizeof(lon), "%.7f", in->lon);
	snprintf(lat, sizeof(lat), "%.7f", in->lat);
	num(beat, sizeof(beat), out->where.beat.id);
	num(area, sizeof(area), out->where.area.id);
	num(rep, sizeof(rep), reporter);
	num(owner, sizeof(owner), pl->owner);
	num(tid, sizeof(tid), pl->type_id);
	p[0] = in->channel;
	p[1] = tid;
	p[2] = in->description ? in->description : "";
	p[3] = in->occurred_at;
	p[4] = in->recurring ? json_text(in->recurring, NULL) : NULL;
	p[5] = in->has_point ? lon : NULL;
	p[6] = in->has_point ? lat : NULL;
	p[7] = in->address ? in->address : "";
	p[8] = in->postcode ? in->postcode : "";
	p[9] = beat;
	p[10] = area;
	/* What the report says of itself: a new incident has no links yet,
	 * so the windows do not matter here. */
	flag_windows_default(&w);
	flags_compute(&w, &facts, &flags);
	p[11] = yesno((flags.bits & FLAG_BIT(FLAG_VULNERABLE)) != 0);
	p[12] = yesno((flags.bits & FLAG_BIT(FLAG_REPEAT_VICTIM)) != 0);
	p[13] = json_text(answers, "{}");
	p[14] = reporter ? rep : NULL;
	p[15] = owner;
	/* What its first report said (incident.report_triage). */
	p[16] = json_text(pl->impact, "{}");
	p[17] = pl->reference;
	if ((res = pg_exec(pg, "report_incident", 18, p)) != NULL) {
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(out->reference, sizeof(out->reference), "%s", PQgetvalue(res, 0, 1));
		PQclear(res);
		rc = 0;
	}
	return rc;
}

/* The incident's flags as report_triage_keep gives them ("tfffft", in
 * enum flag's order); none when they are not that, so that every flag the
 * report raises is added again. */
static unsigned
flags_of(const char *s)
{
	unsigned bits = 0;
	int fl;

	if (strlen(s) != FLAGS || strspn(s, "tf") != FLAGS)
		return 0;
	for (fl = 0; fl < FLAGS; fl++)
		if (s[fl] == 't')
			bits |= FLAG_BIT(fl);
	return bits;
}

/* Whether the report's confirmation mail, with its tracking link, goes
 * to the reporter: when they gave an e-mail address and their name. The
 * confirmation page says so by the same rule. */
int
report_mails_confirmation(const struct report_input *in)
{
	return !in->anonymous && in->email != NULL && *in->email != '\0';
}

/* What the audit rows say (*after) and, when they gave an e-mail address,
 * the confirmation (*mail, else NULL): the caller puts both. 0 or -1. */
static int
trail_make(const struct report_input *in, const struct plan *pl,
    const struct report_result *out, struct json_object **after,
    struct json_object **mail)
{
	char body[1024];

	*mail = NULL;
	if ((*after = json_object_new_object()) == NULL)
		return -1;
	json_object_object_add(*after, "reference", json_object_new_string(out->reference));
	if (!pl->join)
		json_object_object_add(*after, "incident",
		    json_object_new_string(out->incident_reference));
	json_object_object_add(*after, "channel", json_object_new_string(in->channel));
	json_object_object_add(*after, "type", json_object_new_string(in->type_code));
	if (!report_mails_confirmation(in))
		return 0;
	/* A mail client has no page to resolve a relative link against. */
	snprintf(body, sizeof(body), "Thank you for reporting %s.\n\nYour reference "
	    "is %s. Keep this email: you can see what is being done at\n"
	    REPORT_TRACK_LINK "\n\nIf you are in danger, call 999.\n", pl->type_name,
	    out->reference, in->public_url != NULL ? in->public_url : "",
	    out->reference, out->token);
	return (*mail = outbox_mail_job(in->email, "Your report of anti-social behaviour",
	    body)) == NULL ? -1 : 0;
}

/* The report, its reporter's part in the incident, its two audit rows and
 * the confirmation mail: one statement. *reporter: the new incident's
 * reporter made by write_person (or 0); a report that joins makes its own
 * here, unless anonymous, and sets it. */
static int
write_report(struct pg *pg, const struct actor *a, const struct report_input *in,
    const struct plan *pl, struct report_result *out, long long *reporter)
{
	char hash[65], inc[24], rep[24], owner[24], by[24], lon[32], lat[32];
	struct json_object *partner = report_partner_json(in);
	struct json_object *after = NULL, *mail = NULL;
	int make = pl->join != 0 && !in->anonymous;
	struct audit_both trail;
	struct reporter r;
	const char *p[32 + AUDIT_BOTH_PARAMS];
	PGresult *res;
	int rc = -1;

	if (report_token_given(in->tracking_token))
		snprintf(out->token, sizeof(out->token), "%s", in->tracking_token);
	else if (random_hex(out->token, 32) == -1)
		goto out;
	if (sha256_hex(out->token, strlen(out->token), hash) == -1)
		goto out;
	num(inc, sizeof(inc), out->incident_id);
	num(rep, sizeof(rep), *reporter);
	num(owner, sizeof(owner), pl->owner);
	num(by, sizeof(by), a->user_id);
	snprintf(lon, sizeof(lon), "%.7f", in->lon);
	snprintf(lat, sizeof(lat), "%.7f", in->lat);
	/* A report joining an incident takes its own reference; one that
	 * made its incident shares the incident's. */
	if (*out->reference == '\0')
		snprintf(out->reference, sizeof(out->reference), "%s", pl->reference);
	p[0] = out->reference;
	p[1] = inc;
	p[2] = in->channel;
	p[3] = hash;
	p[4] = *reporter ? rep : NULL;
	p[5] = in->description ? in->description : "";
	p[6] = json_text(in->answers, "{}");
	p[7] = json_text(pl->impact, "{}");
	p[8] = partner ? json_text(partner, NULL) : NULL;
	p[9] = yesno(in->email_updates > 0 && in->email && *in->email);
	p[10] = in->idempotency_key ? in->idempotency_key : "";
	p[11] = in->client_ref ? in->client_ref : "";
	p[12] = owner;
	p[13] = pl->shared_with;
	p[14] = by;
	p[15] = in->has_point ? lon : NULL;
	p[16] = in->has_point ? lat : NULL;
	p[17] = in->address ? in->address : "";
	p[18] = in->postcode ? in->postcode : "";
	p[19] = in->occurred_at;
	p[20] = in->recurring ? json_text(in->recurring, NULL) : NULL;
	p[21] = yesno(make);
	memset(&r, 0, sizeof(r));
	if (make)
		reporter_fields(in, &r);
	memcpy(&p[22], r.p, sizeof(r.p));
	if (trail_make(in, pl, out, &after, &mail) == -1 ||
	    audit_both_params(a, "report", NULL, "create", "incident", inc,
	    pl->join ? "add_report" : "create", NULL, after, NULL,
	    mail != NULL ? OUTBOX_MAIL : NULL, mail, &trail) == -1)
		goto out;
	/* Its values from $33, but the report's id, which comes from the insert. */
	memcpy(&p[32], trail.p, 3 * sizeof(trail.p[0]));
	memcpy(&p[35], &trail.p[4], (AUDIT_BOTH_PARAMS - 4) * sizeof(trail.p[0]));
	p[32 + AUDIT_BOTH_PARAMS - 1] = yesno(pl->join_adds);
	if ((res = pg_exec(pg, "report_insert", 32 + AUDIT_BOTH_PARAMS, p)) == NULL)
		goto out;
	out->report_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	snprintf(out->reference, sizeof(out->reference), "%s", PQgetvalue(res, 0, 1));
	*reporter = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
	out->triage_changed = pl->join_adds;
	out->incident_flags = flags_of(pl->join_flags);
	PQclear(res);
	rc = 0;
out:
	json_object_put(partner);
	json_object_put(after);
	json_object_put(mail);
	return rc;
}

/* A row for each file uploaded with the report (each audited by
 * evidence_add); the incident's owner and sharing carry over to them, so
 * the files of a report that joins another agency's incident are added
 * as that agency, which may not be one the report's owner sees. */
static int
write_evidence(struct pg *pg, const struct actor *a, const struct report_input *in,
    const struct plan *pl, const struct report_result *out)
{
	struct actor as = *a;
	size_t i;

	if (in->nfiles == 0)
		return 0;
	as.agency_id = pl->join ? pl->join_owner : a->agency_id;
	if (as.agency_id != a->agency_id && tx_actor(pg, &as) == -1)
		return -1;
	for (i = 0; i < in->nfiles; i++)
		if (evidence_add(pg, &as, out->incident_id, out->reference,
		    in->files[i].stored, in->files[i].name) <= 0)
			return -1;
	return as.agency_id != a->agency_id ? tx_actor(pg, a) : 0;
}

/* After a failed transaction: when another request with the same key won
 * the race, its report is the answer (REPORT_OK); else REPORT_ERROR. */
static enum report_rc
race_lost(struct pg *pg, const struct actor *caller, const struct report_input *in,
    struct report_result *out)
{
	if (in->idempotency_key == NULL || *in->idempotency_key == '\0')
		return REPORT_ERROR;
	return report_find(pg, caller, in->idempotency_key, in->tracking_token,
	    out) == 1 ? REPORT_OK : REPORT_ERROR;
}

/* report_submit's work, filling *pl (which the caller frees). */
static enum report_rc
submit(struct pg *pg, struct rd *rd, const struct actor *caller,
    const struct report_input *in, struct report_result *out, struct plan *pl)
{
	struct actor a = *caller;
	enum report_rc rc;
	long long reporter;
	int seen;

	memset(out, 0, sizeof(*out));
	if (in->has_point && !area_point_valid(in->lon, in->lat))
		return REPORT_BAD_POINT;
	if ((rc = plan_type(pg, in, pl)) != REPORT_OK)
		return rc;
	if ((rc = plan_make(pg, rd, &a, in, out, pl, &seen)) != REPORT_OK)
		goto fail;
	if (seen) {
		pg_rollback(pg);
		return REPORT_OK;
	}
	rc = REPORT_ERROR;
	reporter = 0;
	if (pl->join == 0 && write_person(pg, in, pl, &reporter) == -1)
		goto fail;
	if (pl->join != 0) {
		out->incident_id = pl->join;
		out->linked = 1;	/* the look-up gives only its id */
	} else {
		if (write_incident(pg, in, pl, out, reporter, &out->incident_id) == -1)
			goto fail;
		snprintf(out->incident_reference, sizeof(out->incident_reference), "%s",
		    out->reference);
	}
	if (write_report(pg, &a, in, pl, out, &reporter) == -1 ||
	    write_evidence(pg, &a, in, pl, out) == -1 ||
	    (in->keep != NULL && in->keep(pg, out, in->keep_arg) == -1))
		goto fail;
	out->reporter_id = reporter;
	if (in->within != NULL && in->within(pg, out, in->within_arg) == -1)
		goto fail;
	/* Into the fast index while the neighbourhood is still locked: the
	 * next report near here must find it. Should the commit fail, the
	 * index names an incident PostgreSQL does not confirm: harmless. */
	if (!pl->join && in->has_point)
		intake_dedup_remember(rd, in, out->incident_id);
	if (pg_commit(pg) == -1)
		return race_lost(pg, caller, in, out);
	return REPORT_OK;
fail:
	if (rc == REPORT_ERROR)
		log_error("report: %s", pg_error(pg));
	pg_rollback(pg);
	/* The unique key refuses the second insert of two at once. */
	return rc == REPORT_ERROR ? race_lost(pg, caller, in, out) : rc;
}

/* Takes a report. REPORT_OK and the result (with the tracking token, which
 * exists nowhere else) when it is saved; otherwise nothing is saved. */
enum report_rc
report_submit(struct pg *pg, struct rd *rd, const struct actor *caller,
    const struct report_input *in, struct report_result *out)
{
	struct plan pl;
	enum report_rc rc;

	memset(&pl, 0, sizeof(pl));
	rc = submit(pg, rd, caller, in, out, &pl);
	json_object_put(pl.impact);
	return rc;
}
