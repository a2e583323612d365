"""The ASB Case Review count on the incident page is the one rule of
domain/case_review_rule.c (issue 13; README "Counting qualifying
complaints"): across agencies, one behaviour reported to two agencies once,
a complaint made more than a month after the behaviour not counted. The
incidents are written as the database owner, as test_flags.py does."""
import re
from html import unescape

import psycopg2
import pytest

from stack import read_conf

from test_flags import add_incident, add_person, admin, involve, page, refresh


def behaviour_before(incident_id, days=0, hours=0):
    """Sets when the behaviour happened: that long before its report."""
    with admin() as conn, conn.cursor() as cur:
        cur.execute("UPDATE incident SET occurred_at = reported_at - make_interval("
                    "days => %s, hours => %s) WHERE id = %s", (days, hours, incident_id))


def test_one_behaviour_reported_to_police_and_council_counts_once():
    p = add_person(given="Sam")
    police_now = add_incident()
    council_same = add_incident(agency="city-council", before=police_now[0], days_ago=0)
    older = add_incident(days_ago=50)
    for i in (police_now, council_same, older):
        involve(i[0], p)
    # The council heard of the same noise three hours later.
    behaviour_before(council_same[0], hours=3)
    refresh(police_now[1])
    text = unescape(page(police_now[1]))
    assert "Case Review threshold met" not in text
    assert re.search(r"Sam Flagtest\d+ has 2 complaints in 6 months", text), text[:3000]

    # Another behaviour, ten days ago: the third qualifying complaint.
    third = add_incident(days_ago=10)
    involve(third[0], p)
    refresh(third[1])
    text = unescape(page(police_now[1]))
    assert "Case Review threshold met (3 complaints in 6 months)" in text


def test_a_complaint_made_more_than_a_month_after_the_behaviour_is_not_counted():
    p = add_person(given="Lee")
    incidents = [add_incident(days_ago=d) for d in (120, 60, 0)]
    for i in incidents:
        involve(i[0], p)
    behaviour_before(incidents[0][0], days=32)
    refresh(incidents[-1][1])
    text = unescape(page(incidents[-1][1]))
    assert "Case Review threshold met" not in text
    assert re.search(r"Lee Flagtest\d+ has 2 complaints in 6 months", text), text[:3000]
    # Within 31 days it counts.
    behaviour_before(incidents[0][0], days=31)
    assert "Case Review threshold met (3 complaints in 6 months)" in unescape(
        page(incidents[-1][1]))


def test_the_facts_need_an_actor_and_give_no_names():
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT pg_get_function_result('case_review_facts(bigint, timestamptz, "
                    "integer)'::regprocedure)")
        result = cur.fetchone()[0]
    assert "name" not in result and "description" not in result, result
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute("SET LOCAL ROLE concord_app")
            with pytest.raises(psycopg2.Error, match="no actor"):
                cur.execute("SELECT * FROM case_review_facts(1, now(), 183)")
    finally:
        conn.rollback()
        conn.close()
