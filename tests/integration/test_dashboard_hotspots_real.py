"""The hotspot dashboard on real data: the City of London Police's ASB
incidents of 2017 and 2018 (data.police.uk, ../shared/data/police-uk),
imported by `concordctl import police-uk` through
test_dashboard_operational_real.py's fixture (one import in this module: a
second import of the same files in one run makes no incident and joins
none), then, for one month and one quarter, the concentration (this period
and the one before) and every cell's Gi* z-score, against what is computed
here from the CSV files directly.

Which rows became incidents, and when, is test_dashboard_operational_real's
reading of the files (each row's minute from its hash, the rows joined to
an earlier incident within 150 m and two hours, the one with no location
refused). Each point is projected to the British National Grid by
tests/integration/bng.py, its 100 m square taken, and the square's centre
put in its 250 m cell; the concentration and Gi* are
test_dashboard_hotspots.py's Python. A point within GRID_SLACK of a square
edge that is also a cell edge could be in either cell (bng.py and PostGIS
agree to about a millimetre): the test checks that no incident of a
checked period is one, so that every figure must be exact."""
import csv
import io
import math
from datetime import date, timedelta

import pytest

from bng import to_bng
from staff import as_role
from stack import URL
from test_dashboard_hotspots import band, concentration, gi_star
from test_dashboard_operational_real import GRID_SLACK, LONDON, city  # noqa: F401

PERIODS = (("2017-08", date(2017, 8, 1), date(2017, 9, 1), date(2017, 7, 1)),
           ("2018-Q1", date(2018, 1, 1), date(2018, 4, 1), date(2017, 10, 1)))


def as_incidents(city, first, end):
    """The period's incidents as test_dashboard_hotspots' records: the
    centre of each one's 100 m square, in metres."""
    out = []
    for at, lon, lat, _ in city:
        if not first <= at.astimezone(LONDON).date() < end:
            continue
        e, n = to_bng(lon, lat)
        sq = (math.floor(e / 100) * 100, math.floor(n / 100) * 100)
        for v, s in ((e, sq[0]), (n, sq[1])):
            # An edge of the square that is an edge of a 250 m cell.
            for edge in (s, s + 100):
                if abs(v - edge) < GRID_SLACK and \
                        math.floor((edge - 50) / 250) != math.floor((edge + 50) / 250):
                    raise AssertionError(("a point on a cell's edge", lon, lat, e, n))
        out.append({"e": sq[0] + 50, "n": sq[1] + 50})
    return out


def get_csv(session, table, params):
    r = session.get(URL + "/dashboards/hotspots.csv", params={"table": table, **params})
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return list(csv.DictReader(io.StringIO(r.text)))


@pytest.mark.parametrize("period", PERIODS, ids=[p[0] for p in PERIODS])
def test_the_concentration_and_the_z_scores_are_the_csvs(city, period):  # noqa: F811
    key, first, end, prev = period
    s = as_role("police_supervisor")
    now = concentration(as_incidents(city, first, end))
    before = concentration(as_incidents(city, prev, first))
    assert now["placed"] > 100, "a period with too few incidents proves little"
    rows = {r["period"]: r for r in get_csv(s, "concentration", {"period": key})}
    for k, want in (("this", now), ("before", before)):
        r = rows[k]
        assert int(r["incidents_with_point"]) == want["placed"], (k, r, want)
        assert int(r["cells"]) == want["cells"]
        assert int(r["top_cells"]) == want["top_cells"]
        assert int(r["top_cell_incidents"]) == want["top_incidents"]
        assert abs(float(r["top_share_percent"]) - want["share"]) < 1e-6
    assert abs(float(rows["this"]["change_points"]) - (now["share"] - before["share"])) < 1e-6

    gi = gi_star(as_incidents(city, first, end))
    cells = get_csv(s, "cells", {"period": key})
    assert {(int(r["cell_x"]), int(r["cell_y"])) for r in cells} == set(gi)
    order = sorted(gi, key=lambda c: (-gi[c][1], c))
    # The top cells in order, then every cell's z-score and band.
    for r, c in zip(cells[:20], order[:20]):
        assert abs(float(r["z_score"]) - gi[c][1]) < 1e-6, (r, c, gi[c])
    for r in cells:
        count, z = gi[(int(r["cell_x"]), int(r["cell_y"]))]
        assert int(r["incidents"]) == count
        assert abs(float(r["z_score"]) - z) < 1e-6
        assert r["band"] == band(z)
    hot = sum(band(z) != "Not significant" for _, z in gi.values())
    assert hot > 0
    print(f"\n{key}: {now['placed']} incidents in {now['cells']} cells, top 10% share "
          f"{now['share']:.1f}% ({before['share']:.1f}% before), {hot} hotspots")


def test_the_periods_are_londons(city):  # noqa: F811
    """The month is London's: the incidents the CSV counts for August 2017
    are those of London dates in August."""
    n = sum(1 for at, *_ in city
            if date(2017, 8, 1) <= at.astimezone(LONDON).date() <= date(2017, 8, 31))
    rows = {r["period"]: r for r in get_csv(as_role("police_supervisor"), "concentration",
                                            {"period": "2017-08"})}
    assert int(rows["this"]["incidents"]) == n
    assert rows["this"]["last_day"] == (date(2017, 9, 1) - timedelta(days=1)).isoformat()
