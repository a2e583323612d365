"""Person matching (fcgi/domain/person_match.c, README "Person matching"):
two public reports by the same person, their name and phone written
differently, make two people; the second is suggested for the first to
staff who may see them, to no one else, and nothing is merged. Through
the public form and concordctl person (the application's role, acting as
a demo member of staff)."""
import json
import random

import requests

from stack import ctl
from staff import demo_user
from test_report_consent import rate_counts_cleared
from test_report_form import (ABOUT, IMPACT, WHEN_ONCE, WHERE, done, step, submit,
                              upload, vandalism_to_when)


def report_by(given, family, phone):
    """A public vandalism report, named, to be called back by phone."""
    s = requests.Session()
    vandalism_to_when(s)
    assert step(s, "/report/when", WHEN_ONCE) == "/report/where"
    assert step(s, "/report/where", WHERE) == "/report/impact"
    assert step(s, "/report/impact", IMPACT) == "/report/about-you"
    about = dict(ABOUT, **{"given-name": given, "family-name": family, "email": "",
                           "phone": phone, "contact": "phone",
                           "updates": "no"})
    assert step(s, "/report/about-you", about) == "/report/evidence"
    assert upload(s).headers["Location"] == "/report/check"
    r, _, _ = submit(s)
    assert r.status_code == 303, r.text[:500]
    return done(s)[0]


def people_by_phone(db, digits):
    """(id, given_name, family_name, name_key, phone_key) of the people whose
    phone has these last digits, oldest first, as the database owner."""
    with db.cursor() as cur:
        cur.execute("SELECT id, given_name, family_name, name_key, phone_key FROM person "
                    "WHERE regexp_replace(phone, '[^0-9]', '', 'g') LIKE %s ORDER BY id",
                    ("%" + digits,))
        return cur.fetchall()


def match(role, *args):
    r = ctl("person", "match", "--as", demo_user(role)["email"], *args, check=False)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_a_second_report_by_the_same_person_is_suggested_and_never_merged(db, rds):
    rate_counts_cleared(rds)
    digits = "9%05d" % random.randrange(100000)
    report_by("Jo", "Smith", "07700 " + digits)
    report_by("jo ", " smith", "+44 (0)7700 %s %s" % (digits[:3], digits[3:]))
    rate_counts_cleared(rds)
    people = people_by_phone(db, "7700" + digits)
    assert len(people) == 2, people
    (first, _, _, key1, phone1), (second, given2, family2, key2, phone2) = people
    # Both written with the same normal forms, whatever was typed.
    assert key1 == key2 == "jo smith"
    assert phone1 == phone2 == "+447700" + digits

    # The police see the second person suggested for the first, and why.
    found = match("police_officer", "--given", "Jo", "--family", "Smith",
                  "--phone", "07700 " + digits, "--exclude", str(first))
    ours = [s for s in found if s["person_id"] == second]
    assert ours, found
    assert ours[0]["level"] == "strong"
    assert ours[0]["reasons"] == ["Same name", "Same phone number"]
    assert found[0]["person_id"] == second
    assert first not in [s["person_id"] for s in found]

    # The housing provider may see people, but not these: no suggestion.
    theirs = match("partner_reporter", "--given", "Jo", "--family", "Smith",
                   "--phone", "07700 " + digits)
    assert {first, second}.isdisjoint(s["person_id"] for s in theirs), theirs

    # Suggesting merged nothing: still two people, each as they were written.
    after = people_by_phone(db, "7700" + digits)
    assert [p[0] for p in after] == [first, second]
    assert (after[1][1], after[1][2]) == (given2, family2)


def test_backfill_gives_older_people_their_keys(db, rds):
    rate_counts_cleared(rds)
    digits = "9%05d" % random.randrange(100000)
    report_by("Zoë", "O'Brien", "07700 " + digits)
    rate_counts_cleared(rds)
    (pid, _, _, _, _), = people_by_phone(db, "7700" + digits)
    with db.cursor() as cur:
        # as a row written before migration 0023 would be
        cur.execute("UPDATE person SET name_key = NULL, phone_key = NULL, email_key = NULL, "
                    "postcode_key = NULL WHERE id = %s", (pid,))
    r = ctl("person", "backfill", check=False)
    assert r.returncode == 0, r.stderr
    (_, _, _, name_key, phone_key), = people_by_phone(db, "7700" + digits)
    assert (name_key, phone_key) == ("zoe obrien", "+447700" + digits)
    found = match("police_officer", "--given", "zoe", "--family", "obrien",
                  "--phone", "+447700" + digits)
    assert pid in [s["person_id"] for s in found]
