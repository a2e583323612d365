"""The structured risk assessment as data (sql/migrations/0022): the seeded
default questionnaire, assessments recorded with their audit row and kept
as history, published versions frozen so an old assessment keeps its
questions, and row security on the assessments. Through concordctl risk
(connected as the application's role, acting as a demo member of staff)
and SQL as the application's role."""
import json

import psycopg2
import pytest

from stack import ctl, read_conf
from staff import demo_user

POLICE_PARTNERSHIP = "shouting and throwing bottles"
POLICE_ONLY = "police-only intelligence"

KEYS = ["targeted", "disability", "age", "isolated", "health_affected", "afraid_home",
        "considering_moving", "children_affected", "threats", "perpetrator_known",
        "escalating", "property_damaged", "support"]
WEIGHTS = [3, 3, 2, 2, 3, 3, 2, 2, 3, 1, 3, 2, 2]


def safe_answers(**risky):
    """Every default question answered, the safe way unless given."""
    out = {k: "no" for k in KEYS}
    out["support"] = "yes"
    out.update(risky)
    return out


def email(role):
    return demo_user(role)["email"]


def admin():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    return conn


def app_conn():
    conn = psycopg2.connect(read_conf()["db"])
    conn.autocommit = False
    return conn


def as_agency(cur, code, user_role):
    cur.execute("SELECT set_config('concord.agency_id', (SELECT id FROM agency WHERE code "
                "= %s)::text, true), set_config('concord.user_id', (SELECT id::text FROM "
                "app_user WHERE email = %s), true), "
                "set_config('concord.person_view', '1', true)", (code, email(user_role)))


def incident(description):
    """(id, reference, version, risk_level, risk_score) as the database owner."""
    conn = admin()
    with conn.cursor() as cur:
        cur.execute("SELECT id, reference, version, risk_level::text, risk_score "
                    "FROM incident WHERE description LIKE %s ORDER BY id LIMIT 1",
                    ("%" + description + "%",))
        row = cur.fetchone()
    conn.close()
    assert row is not None, description
    return row


def assess(ref, version, answers, role="police_officer", reason=None, check=True):
    args = ["risk", "assess", ref, "--as", email(role), "--version", str(version),
            "--answers", json.dumps(answers)]
    if reason is not None:
        args += ["--reason", reason]
    r = ctl(*args, check=False)
    if check:
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)
    return r


def assessments(incident_id):
    conn = admin()
    with conn.cursor() as cur:
        cur.execute("SELECT id, version, score, level::text, answers, reason "
                    "FROM risk_assessment WHERE incident_id = %s ORDER BY id", (incident_id,))
        rows = cur.fetchall()
    conn.close()
    return rows


@pytest.fixture
def active_version_restored():
    """Tests that publish a version make version 1 active again after."""
    yield
    conn = admin()
    with conn.cursor() as cur:
        cur.execute("UPDATE risk_questionnaire SET active = false WHERE active")
        cur.execute("UPDATE risk_questionnaire SET active = true WHERE version = 1")
    conn.close()


def test_the_default_questionnaire_is_seeded_as_version_1():
    q = json.loads(ctl("risk", "show", "1").stdout)
    assert q["version"] == 1
    assert [x["key"] for x in q["questions"]] == KEYS
    assert [x["weight"] for x in q["questions"]] == WEIGHTS
    assert {x["key"]: x["forces"] for x in q["questions"] if x["forces"]} == \
        {"targeted": "medium", "threats": "medium"}
    assert [x["key"] for x in q["questions"] if x["risky"] == "no"] == ["support"]
    assert all(x["label"].endswith("?") for x in q["questions"])
    assert q["bands"] == {"standard": 0, "medium": 8, "high": 16}
    assert q["review_days"] == {"standard": [], "medium": [28, 56], "high": [14, 28, 56]}
    assert q["unknown_percent"] == 50
    assert json.loads(ctl("risk", "show").stdout) == q
    missing = ctl("risk", "show", "999", check=False)
    assert missing.returncode == 1 and "no such questionnaire version" in missing.stderr


def test_an_assessment_is_recorded_on_the_incident_with_its_audit_row():
    iid, ref, version, _, _ = incident(POLICE_PARTNERSHIP)
    before = len(assessments(iid))
    # 3 + 3 + 3 + 3 + 2 + 2 = 16: high, from the score alone.
    out = assess(ref, version, safe_answers(disability="yes", health_affected="yes",
                                           afraid_home="yes", escalating="yes",
                                           age="yes", isolated="yes"))
    assert (out["version"], out["score"], out["level"]) == (1, 16, "high")
    assert len(out["reviews_due"]) == 3
    rows = assessments(iid)
    assert len(rows) == before + 1
    assert rows[-1][1:4] == (1, 16, "high")
    assert rows[-1][4]["disability"] == "yes" and rows[-1][4]["support"] == "yes"
    _, _, now_version, level, score = incident(POLICE_PARTNERSHIP)
    assert (now_version, level, score) == (version + 1, "high", 16)
    conn = admin()
    with conn.cursor() as cur:
        cur.execute("SELECT a.after, u.email FROM audit_event a JOIN app_user u "
                    "ON u.id = a.actor_id WHERE a.entity = 'incident' "
                    "AND a.entity_id = %s AND a.action = 'risk_assessed' "
                    "ORDER BY a.id DESC LIMIT 1", (str(iid),))
        after, who = cur.fetchone()
    conn.close()
    assert who == email("police_officer")
    assert after["risk_assessment"] == out["id"]
    assert (after["risk_level"], after["risk_score"], after["version"]) == ("high", 16, 1)
    assert after["answers"]["isolated"] == "yes"


def test_a_forcing_question_and_unanswered_questions_are_scored_as_documented():
    iid, ref, version, _, _ = incident(POLICE_PARTNERSHIP)
    out = assess(ref, version, safe_answers(targeted="yes"))
    assert (out["score"], out["level"]) == (3, "medium")
    # Nothing answered: every question is "don't know", half of 31.
    out = assess(ref, version + 1, {}, reason="nothing known yet")
    assert (out["score"], out["level"]) == (15, "medium")
    assert set(assessments(iid)[-1][4].values()) == {"unknown"}


def test_a_reassessment_adds_to_the_history_and_changes_no_earlier_row():
    iid, ref, version, _, _ = incident(POLICE_PARTNERSHIP)
    first = assess(ref, version, safe_answers())
    earlier = assessments(iid)
    second = assess(ref, version + 1, safe_answers(threats="yes"),
                    reason="victim reports threats since the first call")
    assert (first["level"], second["level"]) == ("standard", "medium")
    rows = assessments(iid)
    assert rows[:-1] == earlier
    assert rows[-1][5] == "victim reports threats since the first call"
    hist = json.loads(ctl("risk", "history", ref, "--as", email("police_officer")).stdout)
    assert [h["id"] for h in hist[:2]] == [second["id"], first["id"]]
    assert len(hist) == len(rows)


def test_bad_answers_and_a_stale_version_save_nothing():
    iid, ref, version, level, score = incident(POLICE_PARTNERSHIP)
    before = assessments(iid)
    r = assess(ref, version, safe_answers(threats="maybe"), check=False)
    assert r.returncode == 1 and "threats must be yes, no or unknown" in r.stderr
    r = assess(ref, version, {"not_a_question": "yes"}, check=False)
    assert r.returncode == 1 and "not_a_question is not a question" in r.stderr
    r = assess(ref, version - 1, safe_answers(), check=False)
    assert r.returncode == 1 and "changed since" in r.stderr
    r = assess(ref, version, safe_answers(), role="call_handler", check=False)
    assert r.returncode == 1 and "may not assess risk" in r.stderr
    assert assessments(iid) == before
    assert incident(POLICE_PARTNERSHIP)[2:] == (version, level, score)


def refused_insert(cur, incident_id, by_role, version=1):
    """An assessment row written straight into the table is refused by row
    security."""
    with pytest.raises(psycopg2.Error) as e:
        cur.execute("INSERT INTO risk_assessment (incident_id, version, answers, "
                    "score, level, assessed_by) VALUES (%s, %s, '{}', 0, "
                    "'standard', (SELECT id FROM app_user WHERE email = %s))",
                    (incident_id, version, email(by_role)))
    assert "row-level security" in str(e.value)


def test_another_agency_cannot_assess_or_read_what_it_may_not_see():
    iid, ref, version, _, _ = incident(POLICE_ONLY)
    assess(ref, version, safe_answers(escalating="yes"))
    r = assess(ref, version + 1, safe_answers(), role="council_officer", check=False)
    assert r.returncode == 1 and "no such incident" in r.stderr
    r = ctl("risk", "history", ref, "--as", email("council_officer"), check=False)
    assert r.returncode == 1 and "no such incident" in r.stderr
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM risk_assessment WHERE incident_id = %s", (iid,))
            assert cur.fetchone()[0] == 0, "no settings: no rows"
            as_agency(cur, "city-council", "council_officer")
            cur.execute("SELECT count(*) FROM risk_assessment WHERE incident_id = %s", (iid,))
            assert cur.fetchone()[0] == 0
            refused_insert(cur, iid, "council_officer")
        conn.rollback()
        with conn.cursor() as cur:
            as_agency(cur, "city-police", "police_officer")
            cur.execute("SELECT count(*) FROM risk_assessment WHERE incident_id = %s", (iid,))
            assert cur.fetchone()[0] >= 1
            # Only under the transaction's own actor.
            refused_insert(cur, iid, "police_supervisor")
        conn.rollback()
        for sql in ("UPDATE risk_assessment SET level = 'standard'",
                    "DELETE FROM risk_assessment",
                    "UPDATE risk_question SET weight = 0",
                    "INSERT INTO risk_band (version, level, min_score) VALUES (1, 'high', 1)"):
            with conn.cursor() as cur:
                as_agency(cur, "city-police", "police_officer")
                with pytest.raises(psycopg2.Error) as e:
                    cur.execute(sql)
                assert "permission denied" in str(e.value), sql
            conn.rollback()
    finally:
        conn.close()


def test_a_new_version_leaves_old_assessments_with_their_questions(active_version_restored):
    iid, ref, version, _, _ = incident(POLICE_PARTNERSHIP)
    old = assess(ref, version, safe_answers(disability="yes"))
    conn = admin()
    with conn.cursor() as cur:
        # A published version is frozen, even for its owner.
        with pytest.raises(psycopg2.Error) as e:
            cur.execute("UPDATE risk_question SET weight = 9 WHERE version = 1 "
                        "AND key = 'disability'")
        assert "is published and cannot change" in str(e.value)
        cur.execute("SELECT risk_questionnaire_copy(1, 'test: disability weighs more')")
        v2 = cur.fetchone()[0]
        cur.execute("UPDATE risk_question SET weight = 5, label = 'Is the victim disabled, "
                    "ill or living with a mental health condition?' WHERE version = %s "
                    "AND key = 'disability'", (v2,))
        cur.execute("INSERT INTO risk_question (version, position, key, label, weight) "
                    "VALUES (%s, 14, 'reported_before', 'Has the victim reported this "
                    "before?', 2)", (v2,))
        # A draft may still change: nothing may be assessed with it.
        app = app_conn()
        try:
            with app.cursor() as acur:
                as_agency(acur, "city-police", "police_officer")
                refused_insert(acur, iid, "police_officer", v2)
        finally:
            app.close()
        with pytest.raises(psycopg2.Error) as e:
            cur.execute("UPDATE risk_band SET min_score = 0 WHERE version = %s "
                        "AND level = 'medium'", (v2,))
            cur.execute("SELECT risk_questionnaire_publish(%s)", (v2,))
        assert "bands must be" in str(e.value)
        cur.execute("UPDATE risk_band SET min_score = 8 WHERE version = %s "
                    "AND level = 'medium'", (v2,))
        cur.execute("SELECT risk_questionnaire_publish(%s)", (v2,))
    conn.close()
    active = json.loads(ctl("risk", "show").stdout)
    assert active["version"] == v2
    assert [x["key"] for x in active["questions"]] == KEYS + ["reported_before"]
    new = assess(ref, version + 1, safe_answers(disability="yes", reported_before="yes"))
    assert (new["version"], new["score"]) == (v2, 7)
    hist = json.loads(ctl("risk", "history", ref, "--as", email("police_officer")).stdout)
    by_id = {h["id"]: h for h in hist}
    was = by_id[old["id"]]
    assert (was["version"], was["score"]) == (1, 3)
    q1 = {x["key"]: x for x in was["questionnaire"]["questions"]}
    assert "reported_before" not in q1
    assert q1["disability"]["weight"] == 3
    assert q1["disability"]["label"] == \
        "Does the victim have a disability, illness or mental health condition?"
    q2 = {x["key"]: x for x in by_id[new["id"]]["questionnaire"]["questions"]}
    assert q2["disability"]["weight"] == 5
    assert json.loads(ctl("risk", "show", "1").stdout)["questions"][1]["weight"] == 3
