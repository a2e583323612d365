"""The ASB Case Review's annual figures (issue 13; README "The
annual figures") against a hand-counted fixture: applications written as
the database owner across two financial years and two agencies of the
test's own (so other tests' applications do not change its rows), then
the public page, the list behind each number and the CSV compared with the
counts worked out by hand below."""
import csv
import io
import random
import re
from html import unescape

import psycopg2
import requests

from stack import URL, read_conf
from staff import as_role

APPLICANT = "Figuresapplicant Zebedee"


def admin():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    return conn


def agency(cur, name):
    cur.execute("INSERT INTO agency (code, name, kind) VALUES (%s, %s, 'housing_provider') "
                "RETURNING id", ("crf-%06d" % random.randint(0, 999999), name))
    return cur.fetchone()[0]


def application(cur, agency_id, received, decided=None, met=None, held=None,
                recommendations=None):
    ref = "CR-%s-%06d" % (received[:4], random.randint(0, 999999))
    status = ("review_held" if held else "threshold_met" if met
              else "threshold_not_met" if decided else "received")
    cur.execute(
        "INSERT INTO case_review_application (reference, channel, received_at, agency_id, "
        " applicant_name, behaviour, status, threshold_met, decided_at, review_held_at, "
        " recommendations) VALUES (%s, 'paper', %s, %s, %s, 'Noise every night', %s, %s, "
        " %s, %s, %s)",
        (ref, received, agency_id, APPLICANT, status, met, decided, held, recommendations))
    return ref


def fixture():
    """Two agencies, A and B; the financial years 2019 (1 April 2019 to 31
    March 2020) and 2020, London time. Returns the agencies' ids and the
    references by name."""
    tag = random.randint(1000, 9999)
    with admin() as conn, conn.cursor() as cur:
        a = agency(cur, "Figures Housing A %d" % tag)
        b = agency(cur, "Figures Housing B %d" % tag)
        refs = {
            # 00:00 on 1 April 2019 in London (BST): the first moment of 2019.
            "a1": application(cur, a, "2019-03-31 23:00+00"),
            "a2": application(cur, a, "2019-06-10 10:00+00", "2019-06-20 10:00+00", False),
            "a3": application(cur, a, "2019-09-01 10:00+00", "2019-09-10 10:00+00", True,
                              "2019-10-01 10:00+00", True),
            # 23:30 on 31 March 2020 in London: still 2019; its review is 2020's.
            "a4": application(cur, a, "2020-03-31 22:30+00", "2020-04-05 10:00+00", True,
                              "2020-04-20 10:00+00", False),
            # 23:59:59 on 31 March 2019 in London: 2018, in neither year.
            "a5": application(cur, a, "2019-03-31 22:59:59+00"),
            "b1": application(cur, b, "2020-05-01 10:00+00", "2020-05-10 10:00+00", False),
            "b2": application(cur, b, "2020-07-01 10:00+00", "2020-07-05 10:00+00", True,
                              "2020-08-01 10:00+00", True),
            # Received in 2019; the review at 00:30 on 1 April 2020 (BST) is 2020's.
            "b3": application(cur, b, "2019-12-01 10:00+00", "2019-12-05 10:00+00", True,
                              "2020-03-31 23:30+00", True),
        }
    return a, b, refs


# By hand, (received, threshold not met, reviews carried out, reviews with
# recommendations):
#   2019 A: received a1 a2 a3 a4 = 4; not met a2 = 1; reviewed a3 = 1; recommended a3 = 1
#   2019 B: received b3 = 1; 0; 0; 0
#   2020 A: received none; not met none; reviewed a4 = 1; recommended none (a4 had none)
#   2020 B: received b1 b2 = 2; not met b1 = 1; reviewed b2 b3 = 2; recommended b2 b3 = 2
EXPECTED = {
    2019: {"A": (4, 1, 1, 1), "B": (1, 0, 0, 0)},
    2020: {"A": (0, 0, 1, 0), "B": (2, 1, 2, 2)},
}
LISTS = {
    (2019, "A", "received"): {"a1", "a2", "a3", "a4"},
    (2019, "A", "not-met"): {"a2"},
    (2019, "A", "reviewed"): {"a3"},
    (2019, "A", "recommendations"): {"a3"},
    (2019, "B", "received"): {"b3"},
    (2020, "A", "reviewed"): {"a4"},
    (2020, "B", "received"): {"b1", "b2"},
    (2020, "B", "not-met"): {"b1"},
    (2020, "B", "reviewed"): {"b2", "b3"},
    (2020, "B", "recommendations"): {"b2", "b3"},
}
MEASURES = ("received", "not-met", "reviewed", "recommendations")


def row_counts(html, agency_id):
    row = re.search(r'<tr class="govuk-table__row" data-agency="%s">(.*?)</tr>' % agency_id,
                    html, re.S)
    assert row, html[:3000]
    cells = re.findall(r'data-measure="([a-z-]+)">(.*?)</td>', row.group(1), re.S)
    return tuple(int(re.sub(r"<[^>]+>", "", c).split(":")[-1].strip())
                 for _, c in cells), [m for m, _ in cells]


def test_the_figures_page_and_csv_agree_with_the_hand_count():
    a, b, refs = fixture()
    ids = {"A": a, "B": b}
    for year, rows in EXPECTED.items():
        r = requests.get(URL + "/case-review/figures", params={"year": year})
        assert r.status_code == 200, r.text[:500]
        assert "1 April %d to 31 March %d" % (year, year + 1) in r.text
        assert APPLICANT not in r.text
        for name, want in rows.items():
            got, measures = row_counts(r.text, ids[name])
            assert measures == list(MEASURES)
            assert got == want, (year, name)
        # The total is every agency's row added up.
        body = r.text
        agency_rows = re.findall(r'data-agency="(\d+)"', body)
        sums = [0, 0, 0, 0]
        for ag in agency_rows:
            for i, n in enumerate(row_counts(body, ag)[0]):
                sums[i] += n
        assert row_counts(body, "all")[0] == tuple(sums)

        c = requests.get(URL + "/case-review/figures.csv", params={"year": year})
        assert c.status_code == 200
        assert c.headers["Content-Type"].startswith("text/csv")
        assert c.content.endswith(b"\r\n")
        table = list(csv.reader(io.StringIO(c.content.decode("utf-8"))))
        assert table[0] == ["year", "agency", "Applications received", "Threshold not met",
                            "Reviews carried out", "Reviews that led to recommendations"]
        by_agency = {row[1]: row for row in table[1:]}
        for name, want in rows.items():
            agency_name = re.search(r'data-agency="%s">\s*<th scope="row" '
                                    r'class="govuk-table__header">([^<]+)</th>' % ids[name],
                                    body).group(1)
            row = by_agency[unescape(agency_name)]
            assert row[0] == "%d-%02d" % (year, (year + 1) % 100)
            assert tuple(int(x) for x in row[2:]) == want
        assert tuple(int(x) for x in by_agency["All agencies"][2:]) == tuple(sums)
        assert APPLICANT not in c.text


def test_each_number_links_to_the_applications_behind_it():
    a, b, refs = fixture()
    ids = {"A": a, "B": b}
    names = {v: k for k, v in refs.items()}
    for (year, name, measure), want in LISTS.items():
        page = requests.get(URL + "/case-review/figures", params={"year": year}).text
        link = "/case-review/figures?year=%d&amp;agency=%d&amp;measure=%s#list" % (
            year, ids[name], measure)
        assert link in page, (year, name, measure)
        r = requests.get(URL + unescape(link).split("#")[0])
        assert r.status_code == 200
        listed = re.findall(r"<td class=\"govuk-table__cell\">(CR-\d{4}-\d+)</td>", r.text)
        assert {names[x] for x in listed} == want, (year, name, measure)
        assert APPLICANT not in r.text
    # A number of nought is no link.
    page = requests.get(URL + "/case-review/figures", params={"year": 2020}).text
    assert "agency=%d&amp;measure=received" % a not in page


def test_staff_who_manage_the_register_get_links_to_each_application():
    a, b, refs = fixture()
    r = as_role("police_supervisor").get(URL + "/case-review/figures", params={
        "year": 2020, "agency": b, "measure": "reviewed"})
    assert r.status_code == 200
    for k in ("b2", "b3"):
        assert '<a class="govuk-link" href="/staff/case-review/%s">' % refs[k] in r.text
    r = as_role("police_officer").get(URL + "/case-review/figures", params={
        "year": 2020, "agency": b, "measure": "reviewed"})
    assert "/staff/case-review/%s" % refs["b2"] not in r.text
    assert refs["b2"] in r.text


def test_a_year_measure_or_agency_not_offered_is_a_clear_404():
    for params in ({"year": "1999"}, {"year": "20x0"}, {"year": "99999"},
                   {"year": "2020", "measure": "bogus"},
                   {"year": "2020", "measure": "received", "agency": "abc"},
                   {"year": "2020", "measure": "received", "agency": "999999999"}):
        r = requests.get(URL + "/case-review/figures", params=params)
        assert r.status_code == 404, params
        assert "govuk-heading-l" in r.text
    r = requests.get(URL + "/case-review/figures.csv", params={"year": "1999"})
    assert r.status_code == 404
