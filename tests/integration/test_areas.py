"""Geography: concordctl areas import (fcgi/ctl/areas_import.c, reading
GeoJSON and KML in fcgi/geo/) run by scripts/lib.sh's demo step from the
copy shipped in sql/demo/, its versions, reports and refusals, the real
police neighbourhoods in KML, the demo incidents placed in the areas
(concordctl demo incidents), where a point is (concordctl areas locate,
which calls area_locate in fcgi/domain/area.c), and the seeded ASB types
and their questions (sql/migrations/0010_asb_types.sql)."""
import csv
import glob
import json
import os
import re
import time
import xml.etree.ElementTree as ET

import psycopg2
import pytest

from stack import DEMO_GEO, ctl, read_conf, shared_data
from test_intake import intake, police

WARDS = os.path.join(DEMO_GEO, "city-of-london-wards.geojson")
LADS = os.path.join(DEMO_GEO, "city-and-neighbours-councils.geojson")

NEIGHBOURS = {"E09000007": "Camden", "E09000012": "Hackney",
              "E09000019": "Islington", "E09000028": "Southwark",
              "E09000030": "Tower Hamlets", "E09000033": "Westminster"}

# A test force's beats, in the mid-Atlantic where no other test looks.
TEST_FORCE = "test-areas-police"
X0, Y0 = -30.0, 40.0


def import_areas(*args):
    r = ctl("areas", "import", *[str(a) for a in args], check=False)
    assert "Sanitizer" not in r.stderr and "runtime error" not in r.stderr, r.stderr
    return r


def import_beats(path, *extra):
    return import_areas("--kind", "beat", "--agency", "city-police", "--team",
                        "neighbourhood", "--code-field", "WD13CD", "--name-field",
                        "WD13NM", *extra, path)


def import_lads(*extra):
    return import_areas("--kind", "council-area", "--area-agency",
                        "E09000001=city-council", "--team", "community-safety",
                        "--create-councils", "--code-field", "LAD13CD",
                        "--name-field", "LAD13NM", *extra, LADS)


def locate(lon, lat):
    r = ctl("areas", "locate", str(lon), str(lat), check=False)
    assert r.returncode == 0, r.stderr
    assert "Sanitizer" not in r.stderr and "runtime error" not in r.stderr, r.stderr
    return json.loads(r.stdout)


def one(db, sql, *args):
    with db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchone()


def table_state(db):
    """Everything an import could change, to show a refused one changed nothing."""
    with db.cursor() as cur:
        cur.execute("SELECT code, name, agency_id, team_id, retired_at, import_id, "
                    "md5(ST_AsBinary(geom)) FROM beat UNION ALL SELECT code, name, "
                    "agency_id, team_id, retired_at, import_id, md5(ST_AsBinary(geom)) "
                    "FROM la_area ORDER BY 1, 5 NULLS LAST, 6")
        rows = cur.fetchall()
        cur.execute("SELECT (SELECT count(*) FROM agency), (SELECT count(*) FROM team), "
                    "(SELECT count(*) FROM area_import)")
        return rows, cur.fetchone()


# ---------------------------------------------------------------------------
# the demo import

def test_demo_imported_the_25_city_wards_as_beats_and_7_council_areas(db):
    with db.cursor() as cur:
        cur.execute("SELECT count(*), count(DISTINCT b.team_id), min(t.code) FROM beat b "
                    "JOIN agency a ON a.id = b.agency_id JOIN team t ON t.id = b.team_id "
                    "WHERE a.code = 'city-police' AND b.retired_at IS NULL")
        # Every ward is the neighbourhood team's (--team neighbourhood).
        assert cur.fetchone() == (25, 1, "neighbourhood")
        cur.execute("SELECT l.code, l.name, a.code, a.name, a.kind, a.core_partner, "
                    "a.active, t.code FROM la_area l JOIN agency a ON a.id = l.agency_id "
                    "LEFT JOIN team t ON t.id = l.team_id WHERE l.retired_at IS NULL")
        areas = {r[0]: r[1:] for r in cur.fetchall()}
        cur.execute("SELECT count(*) FROM (SELECT geom FROM beat UNION ALL "
                    "SELECT geom FROM la_area) g WHERE NOT ST_IsValid(geom) "
                    "OR ST_SRID(geom) <> 4326 OR GeometryType(geom) <> 'MULTIPOLYGON'")
        assert cur.fetchone()[0] == 0
    assert len(areas) == 7
    assert areas["E09000001"] == ("City of London", "city-council",
                                  "City of London Corporation", "local_authority",
                                  True, True, "community-safety")
    for code, name in NEIGHBOURS.items():
        slug = name.lower().replace(" ", "-")
        # Councils outside the partnership: there to be named, never to
        # sign in; they have no teams, so their areas have none.
        assert areas[code] == (name, f"{slug}-council", f"{name} Council",
                               "local_authority", False, False, None)


def test_each_import_is_a_version_with_its_report(db):
    with db.cursor() as cur:
        cur.execute("SELECT i.kind, i.file_name, i.sha256, i.report FROM area_import i "
                    "JOIN la_area l ON l.import_id = i.id WHERE l.code = 'E09000001' "
                    "AND l.retired_at IS NULL")
        kind, name, sha, report = cur.fetchone()
    assert kind == "council-area" and name.endswith("city-and-neighbours-councils.geojson")
    assert re.fullmatch(r"[0-9a-f]{64}", sha)
    assert report["areas"] == 7 and report["written"] is True
    # Three of the derived outlines cross themselves; each is named as repaired.
    assert sorted(r["code"] for r in report["repaired"]) == [
        "E09000028", "E09000030", "E09000033"]
    assert all("Self-intersection" in r["reason"] for r in report["repaired"])
    assert report["teams"]["none"] == sorted(NEIGHBOURS)


def test_the_demo_geography_ships_with_its_licence():
    # A clone alone must give a demo with geography, and say whose it is.
    for name in ("city-of-london-wards.geojson", "city-and-neighbours-councils.geojson"):
        with open(os.path.join(DEMO_GEO, name)) as f:
            assert json.load(f)["type"] == "FeatureCollection"
    with open(os.path.join(DEMO_GEO, "LICENCE")) as f:
        text = f.read()
    assert "Martin Chorley" in text and "Creative Commons Attribution 4.0" in text
    assert "Open Government Licence" in text and "OS OpenData" in text


def demo_incident_places(db):
    """For each demo incident whose point is in a current City ward: the
    codes of its beat and council area, and of the ward and area that
    cover its point."""
    with db.cursor() as cur:
        cur.execute("SELECT i.reference, ib.code, il.code, b.code, 'E09000001' "
                    "FROM incident i JOIN beat b ON b.retired_at IS NULL "
                    "AND ST_Covers(b.geom, i.location) "
                    "LEFT JOIN beat ib ON ib.id = i.beat_id "
                    "LEFT JOIN la_area il ON il.id = i.la_area_id "
                    "WHERE i.description LIKE 'Demo:%%' ORDER BY i.reference")
        return cur.fetchall()


def test_demo_incidents_in_the_city_have_their_beat_and_council_area(db):
    places = demo_incident_places(db)
    assert len(places) >= 3, places
    for ref, beat, area, ward, city in places:
        assert (beat, area) == (ward, city), ref
    # Running the demo step again (scripts/up does) changes nothing.
    r = ctl("demo", "incidents", check=False)
    assert r.returncode == 0, r.stderr
    placed = re.search(r"(\d+) in a beat and a council area", r.stdout)
    assert placed and int(placed.group(1)) >= len(places), r.stdout
    assert demo_incident_places(db) == places


def test_importing_the_same_files_again_writes_nothing_and_takes_seconds(db):
    before = table_state(db)
    t0 = time.monotonic()
    beats = import_beats(WARDS)
    lads = import_lads()
    elapsed = time.monotonic() - t0
    assert beats.returncode == 0, beats.stderr
    assert lads.returncode == 0, lads.stderr
    for out in (beats.stdout, lads.stdout):
        assert re.search(r"unchanged: +the same as the current areas \(import \d+\): "
                         r"nothing written", out), out
    assert "created agency" not in lads.stdout
    assert re.findall(r"\n    (E09\d+) [^:]*: Ring Self-intersection", lads.stdout) == \
        ["E09000028", "E09000030", "E09000033"]
    assert elapsed < 10, f"import took {elapsed:.1f} s"
    assert table_state(db) == before


def test_check_reports_and_writes_nothing(db):
    before = table_state(db)
    r = import_beats(WARDS, "--check")
    assert r.returncode == 0, r.stderr
    assert "Beat import: 25 beats from 1 file (1 GeoJSON, 0 KML) for city-police" in r.stdout
    assert "25 areas with a team (neighbourhood, --team)" in r.stdout
    assert table_state(db) == before


# ---------------------------------------------------------------------------
# versions: a test force far from everything else

def square(x, y, d=0.01):
    return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]


def beat_feature(code, name, ring):
    return {"type": "Feature", "properties": {"code": code, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.fixture
def test_force(db):
    """A core police force of the partnership with no beats yet, so that
    the intake takes a point in its beats; afterwards its beats are
    retired and it is neither core nor active (others' tests never see it)."""
    with db.cursor() as cur:
        cur.execute("INSERT INTO agency (code, name, kind, core_partner, active) "
                    "VALUES (%s, 'Test Areas Police', 'police', true, true) "
                    "ON CONFLICT (code) DO UPDATE SET core_partner = true, active = true "
                    "RETURNING id", (TEST_FORCE,))
        agency = cur.fetchone()[0]
        cur.execute("UPDATE beat SET retired_at = now() WHERE agency_id = %s "
                    "AND retired_at IS NULL", (agency,))
    yield agency
    with db.cursor() as cur:
        cur.execute("UPDATE beat SET retired_at = now() WHERE agency_id = %s "
                    "AND retired_at IS NULL", (agency,))
        cur.execute("UPDATE agency SET core_partner = false, active = false "
                    "WHERE id = %s", (agency,))


def import_test_beats(tmp_path, features, *extra, name="beats.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return import_areas("--kind", "beat", "--agency", TEST_FORCE, "--code-field", "code",
                        "--name-field", "name", *extra, path)


def test_a_reimport_retires_the_old_version_and_incidents_keep_their_beat(
        db, test_force, tmp_path):
    # A bow tie (its ring crosses itself) is repaired, and said to be.
    bowtie = [[X0 + 0.02, Y0], [X0 + 0.03, Y0 + 0.01], [X0 + 0.03, Y0],
              [X0 + 0.02, Y0 + 0.01], [X0 + 0.02, Y0]]
    first = [beat_feature("TA1", "Anchor", square(X0, Y0)),
             beat_feature("TA2", "Bow", bowtie)]
    r = import_test_beats(tmp_path, first)
    assert r.returncode == 0, r.stderr
    assert re.search(r"repaired: +1 invalid geometry made valid with ST_MakeValid\n"
                     r" +TA2 Bow: Self-intersection at POINT\(", r.stdout), r.stdout
    # No --team: each beat has its own neighbourhood team, made for it.
    assert "2 areas with a team (its own neighbourhood team: 2 created" in r.stdout
    teams = dict(db_rows(db, "SELECT b.code, t.code || ' / ' || t.name FROM beat b "
                         "JOIN team t ON t.id = b.team_id WHERE b.agency_id = %s "
                         "AND b.retired_at IS NULL", test_force))
    assert teams == {"TA1": "nbt-ta1 / Anchor Neighbourhood Team",
                     "TA2": "nbt-ta2 / Bow Neighbourhood Team"}
    old_id, old_import = one(db, "SELECT id, import_id FROM beat WHERE code = 'TA1' "
                             "AND retired_at IS NULL AND agency_id = %s", test_force)

    inside = (f"{X0 + 0.002:.4f}", f"{Y0 + 0.002:.4f}")
    before = intake(police(db, lon=inside[0], lat=inside[1]))
    assert before["result"] == "ok", before
    assert one(db, "SELECT beat_id FROM incident WHERE reference = %s",
               before["reference"])[0] == old_id

    # The same file again: nothing new.
    state = table_state(db)
    assert "unchanged:" in import_test_beats(tmp_path, first).stdout
    assert table_state(db) == state

    # TA1 renamed and TA2 gone: a new version; the old rows stay, retired.
    r = import_test_beats(tmp_path, [beat_feature("TA1", "Anchor North", square(X0, Y0))])
    assert r.returncode == 0, r.stderr
    assert re.search(r"version: +import \d+; 2 earlier areas retired", r.stdout), r.stdout
    rows = db_rows(db, "SELECT code, name, retired_at IS NULL, import_id FROM beat "
                   "WHERE agency_id = %s AND import_id >= %s ORDER BY id", test_force,
                   old_import)
    assert [(c, n, cur) for c, n, cur, _ in rows] == [
        ("TA1", "Anchor", False), ("TA2", "Bow", False), ("TA1", "Anchor North", True)]
    new_id = one(db, "SELECT id FROM beat WHERE code = 'TA1' AND retired_at IS NULL "
                 "AND agency_id = %s", test_force)[0]
    # The incident allocated before keeps the beat it was given ...
    assert one(db, "SELECT beat_id FROM incident WHERE reference = %s",
               before["reference"])[0] == old_id
    # ... and a new one gets the new version, with the same team.
    after = intake(police(db, lon=inside[0], lat=inside[1]))
    assert one(db, "SELECT beat_id FROM incident WHERE reference = %s",
               after["reference"])[0] == new_id
    assert one(db, "SELECT t.code FROM beat b JOIN team t ON t.id = b.team_id "
               "WHERE b.id = %s", new_id)[0] == "nbt-ta1"
    report = one(db, "SELECT report FROM area_import WHERE id = "
                 "(SELECT import_id FROM beat WHERE id = %s)", new_id)[0]
    assert report["retired"] == 2 and report["areas"] == 1
    assert report["teams"]["reused"] == 1


def db_rows(db, sql, *args):
    with db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def test_overlaps_and_gaps_are_reported_above_the_sliver_size(db, test_force, tmp_path):
    d = 0.01
    # Four squares round a missing middle: a ring of eight would do, but
    # a frame of four leaves one hole; one pair overlaps by a strip.
    frame = [
        beat_feature("F1", "South", [[X0, Y0], [X0 + 3 * d, Y0], [X0 + 3 * d, Y0 + d],
                                     [X0, Y0 + d], [X0, Y0]]),
        beat_feature("F2", "North", [[X0, Y0 + 2 * d], [X0 + 3 * d, Y0 + 2 * d],
                                     [X0 + 3 * d, Y0 + 3 * d], [X0, Y0 + 3 * d],
                                     [X0, Y0 + 2 * d]]),
        beat_feature("F3", "West", [[X0, Y0 + d], [X0 + d, Y0 + d], [X0 + d, Y0 + 2 * d],
                                    [X0, Y0 + 2 * d], [X0, Y0 + d]]),
        # East reaches 0.001 degrees into South: a strip about 85 m by 1.1 km.
        beat_feature("F4", "East", [[X0 + 2 * d, Y0 + d - 0.001], [X0 + 3 * d, Y0 + d - 0.001],
                                    [X0 + 3 * d, Y0 + 2 * d], [X0 + 2 * d, Y0 + 2 * d],
                                    [X0 + 2 * d, Y0 + d - 0.001]]),
    ]
    r = import_test_beats(tmp_path, frame, "--team", "none-such")
    assert r.returncode == 1
    assert "agency test-areas-police has no team none-such (--team)" in r.stderr
    r = import_test_beats(tmp_path, frame)
    assert r.returncode == 0, r.stderr
    rep = one(db, "SELECT report FROM area_import WHERE id = (SELECT max(import_id) "
              "FROM beat WHERE agency_id = %s)", test_force)[0]
    expect_overlap = one(db, "SELECT ST_Area(ST_Intersection(a.geom, b.geom)::geography) "
                         "FROM beat a, beat b WHERE a.code = 'F1' AND b.code = 'F4' "
                         "AND a.retired_at IS NULL AND b.retired_at IS NULL "
                         "AND a.agency_id = %s AND b.agency_id = a.agency_id",
                         test_force)[0]
    assert [(o["a"], o["b"]) for o in rep["overlaps"]] == [("F1", "F4")]
    assert abs(rep["overlaps"][0]["m2"] - expect_overlap) < 1
    assert len(rep["gaps"]) == 1
    # The hole: one cell, about 1.1 km by 850 m at 40° north.
    assert 900_000 < rep["gaps"][0]["m2"] < 1_000_000, rep["gaps"]
    lon, lat = rep["gaps"][0]["at"]
    assert X0 + d < lon < X0 + 2 * d and Y0 + d < lat < Y0 + 2 * d
    assert re.search(r"overlaps: +1 pair of areas, [\d,]+ m² in all; 0 under 100 m²",
                     r.stdout), r.stdout
    assert re.search(r"gaps: +1 hole in the union of the areas", r.stdout), r.stdout
    # With slivers up to 10 km², the strip and the hole are both slivers.
    r = import_test_beats(tmp_path, frame, "--check", "--sliver-m2", "10000000")
    assert "overlaps:  0 pairs of areas; 1 under 1e+07 m² not counted" in r.stdout, r.stdout
    assert "gaps:      0 holes in the union of the areas; 1 under" in r.stdout, r.stdout


# ---------------------------------------------------------------------------
# refusals: a bad file is named, feature by feature, and nothing is written

def feature_collection(features, **extra):
    return {"type": "FeatureCollection", **extra, "features": features}


@pytest.fixture(scope="module")
def wards():
    with open(WARDS) as f:
        return json.load(f)["features"]


def renamed(feature, name):
    f = json.loads(json.dumps(feature))
    f["properties"]["WD13NM"] = name
    return f


def with_ring(feature, ring):
    return {**feature, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def swapped(feature):
    f = json.loads(json.dumps(feature))
    geom = f["geometry"]
    rings = geom["coordinates"] if geom["type"] == "Polygon" else geom["coordinates"][0]
    f["geometry"] = {"type": "Polygon",
                     "coordinates": [[[y, x] for x, y in r] for r in rings]}
    return f


BAD_FILES = {
    "point": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        "type": "Feature", "properties": {"WD13CD": "X0000001", "WD13NM": "Pointy"},
        "geometry": {"type": "Point", "coordinates": [-0.09, 51.51]}}]),
        r"feature 2 \(X0000001 Pointy\) is not a Polygon or MultiPolygon \(it has a Point\)"),
    "no polygons": (lambda w: feature_collection([{
        "type": "Feature", "properties": {"WD13CD": "X0000001", "WD13NM": "Pointy"},
        "geometry": {"type": "Point", "coordinates": [-0.09, 51.51]}}]),
        r"the files have no polygons \(only Point geometry\)"),
    "duplicate code": (lambda w: feature_collection([renamed(w[0], "Changed"), w[1], w[0]]),
        r"feature 3 \(E05009288 Aldersgate\) has the same code as .* feature 1 "
        r"\(E05009288 Changed\)"),
    "no name": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        **w[1], "properties": {"WD13CD": w[1]["properties"]["WD13CD"]}}]),
        r"feature 2 \(E05009289\) has no name"),
    "british national grid crs": (lambda w: feature_collection(
        [renamed(w[0], "Changed")], crs={"type": "name", "properties": {
            "name": "urn:ogc:def:crs:EPSG::27700"}}),
        r"coordinates are in urn:ogc:def:crs:EPSG::27700, not longitude and latitude"),
    "british national grid as degrees": (lambda w: feature_collection(
        [renamed(w[0], "Changed"), with_ring(w[1], [[532000, 181000], [532100, 181000],
                                                  [532100, 181100], [532000, 181000]])]),
        r"feature 2 \(E05009289 Aldgate\) has the position 532000.0, 181000.0: these "
        r"look like British National Grid metres \(EPSG:27700\), not longitude/latitude"),
    "latitude first": (lambda w: feature_collection([swapped(f) for f in w]),
        r"these look like UK latitude, longitude in the wrong order"),
    "latitude beyond 90": (lambda w: feature_collection([renamed(w[0], "Changed"), with_ring(
        w[1], [[51.5, 95.1], [51.6, 95.1], [51.6, 95.2], [51.5, 95.1]])]),
        r"a latitude beyond 90, so these look like latitude, longitude in the wrong order"),
    "broken ring": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        **w[1], "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}]),
        r"feature 2: a ring has fewer than 3 positions"),
    "not geojson": (lambda w: {"type": "Topology", "objects": {}},
        r"not GeoJSON areas"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_import_refuses_a_bad_file_naming_the_feature(case, wards, tmp_path, db):
    make, message = BAD_FILES[case]
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(make(wards)))
    before = table_state(db)
    r = import_beats(path)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert re.search(message, r.stderr), r.stderr
    assert "nothing imported" in r.stderr
    # The first feature (a real ward, renamed) was not written either.
    assert table_state(db) == before


def test_import_refuses_truncated_json_with_its_line(tmp_path, db):
    path = tmp_path / "cut.geojson"
    path.write_text(open(WARDS).read()[:5000])
    before = table_state(db)
    r = import_beats(path)
    assert r.returncode == 1
    assert re.search(r"cut.geojson: not valid JSON \(line \d+\)", r.stderr), r.stderr
    assert table_state(db) == before


KML_HEAD = '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n'


def kml_placemark(name, ring):
    coords = " ".join(f"{x},{y},0" for x, y in ring)
    return (f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing>"
            f"<coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs>"
            f"</Polygon></Placemark>\n")


@pytest.mark.parametrize("case,text,message", [
    ("cut", KML_HEAD + "<Placemark><name>A</name><Polygon>",
     r"cut.kml: not valid XML \(line 3\)"),
    ("no placemark", KML_HEAD + "</Document></kml>", r"the KML has no Placemark"),
    ("not kml", '<?xml version="1.0"?><gpx></gpx>', r"not KML"),
    ("bad coordinates", KML_HEAD + kml_placemark("A", []).replace(
        "<coordinates></coordinates>", "<coordinates>-0.1 51.5 -0.2 51.6</coordinates>")
     + "</Document></kml>", r"\(at line 3\): the <coordinates> have \"-0.1 51.5"),
    ("a line", KML_HEAD + "<Placemark><name>A</name><LineString><coordinates>0,0 1,1"
     "</coordinates></LineString></Placemark></Document></kml>",
     r"the files have no polygons \(only LineString geometry\)"),
])
def test_import_refuses_bad_kml(case, text, message, tmp_path, db, test_force):
    path = tmp_path / (case.replace(" ", "-") + ".kml")
    path.write_text(text)
    before = table_state(db)
    r = import_areas("--kind", "beat", "--agency", TEST_FORCE, "--code-field", "name", path)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert re.search(message, r.stderr), r.stderr
    assert table_state(db) == before


def test_a_code_field_that_is_not_there_is_named_with_those_that_are(
        tmp_path, db, test_force):
    path = tmp_path / "one.kml"
    path.write_text(KML_HEAD + kml_placemark("A", square(X0, Y0)) + "</Document></kml>")
    before = table_state(db)
    r = import_areas("--kind", "beat", "--agency", TEST_FORCE, "--code-field", "CODE", path)
    assert r.returncode == 1
    assert 'no feature has a field "CODE" (the --code-field); the fields there are: ' \
        "name" in r.stderr, r.stderr
    r = import_beats(WARDS, "--code-field", "WD_CODE")
    # (WD13NMW, the Welsh name, is null in England: not a field.)
    assert 'the fields there are: WD13CD, WD13CDO, WD13NM\n' in r.stderr, r.stderr
    assert table_state(db) == before


def test_an_area_with_nothing_polygonal_left_after_repair_is_refused(
        db, test_force, tmp_path):
    # Every corner on one line: ST_MakeValid leaves a line, no area.
    flat = [[X0, Y0], [X0 + 0.01, Y0], [X0 + 0.02, Y0], [X0, Y0]]
    before = table_state(db)
    r = import_test_beats(tmp_path, [beat_feature("OK1", "Fine", square(X0, Y0 + 0.1)),
                                     beat_feature("FL1", "Flat", flat)])
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert re.search(r"refused: +1 \(nothing polygonal left after repair\)\n +FL1 Flat: ",
                     r.stdout), r.stdout
    assert "1 area could not be repaired" in r.stderr
    assert table_state(db) == before


def test_import_refuses_an_agency_of_the_wrong_kind_or_none(db):
    before = table_state(db)
    r = import_areas("--kind", "beat", "--agency", "city-council", "--code-field",
                     "WD13CD", "--name-field", "WD13NM", WARDS)
    assert r.returncode == 1
    assert "agency city-council is a local_authority agency; beats belong to a " \
        "police agency" in r.stderr
    r = import_areas("--kind", "council-area", "--area-agency", "E09000001=nobody",
                     "--code-field", "LAD13CD", "--name-field", "LAD13NM", LADS)
    assert r.returncode == 1
    assert "feature 1 (E09000001 City of London): there is no agency nobody" in r.stderr
    # A typing mistake in an area code is not silently ignored.
    r = import_lads("--area-agency", "E0900001=city-council")
    assert r.returncode == 1
    assert "no area has code E0900001" in r.stderr
    # An agency named for its areas must have the --team asked for.
    r = import_areas("--kind", "council-area", "--agency", "city-council", "--team",
                     "no-such-team", "--code-field", "LAD13CD", "--name-field",
                     "LAD13NM", LADS)
    assert r.returncode == 1
    assert "agency city-council has no team no-such-team (--team)" in r.stderr
    assert table_state(db) == before


def test_import_wants_its_arguments():
    for args in (["--kind", "beat", "x.json"],
                 ["--kind", "ward", "--agency", "a", "--code-field", "a", "x.json"],
                 ["--kind", "beat", "--agency", "a", "--code-field", "a"],
                 ["--kind", "beat", "--agency", "a", "--code-field", "a",
                  "--code-from-file", "x.json"],
                 ["--kind", "beat", "--agency", "a", "--area-agency", "A=b",
                  "--code-field", "a", "x.json"],
                 ["--kind", "council-area", "--code-field", "a", "x.json"],
                 ["--kind", "beat", "--agency", "a", "--code-field", "a",
                  "--sliver-m2", "-1", "x.json"]):
        r = ctl("areas", "import", *args, check=False)
        assert r.returncode == 2, args


# ---------------------------------------------------------------------------
# the real thing: 635 police neighbourhoods as data.police.uk published them

MET_FORCE = "test-met-police"


def kml_polygons(path):
    """The polygons of a KML file as WKT, read here with the standard
    library (not with the code under test)."""
    root = ET.parse(path).getroot()
    polys = []
    for poly in root.iter():
        if not poly.tag.endswith("}Polygon"):
            continue
        rings = []
        for lr in poly.iter():
            if lr.tag.endswith("}coordinates"):
                pts = [t.split(",")[:2] for t in lr.text.split()]
                rings.append("(" + ", ".join(f"{x} {y}" for x, y in pts) + ")")
        polys.append("(" + ", ".join(rings) + ")")
    return "MULTIPOLYGON(" + ", ".join(polys) + ")"


def test_the_635_met_neighbourhoods_import_as_one_version_with_a_consistent_report(db):
    folder = shared_data("boundaries", "neighbourhoods_met_2012")
    files = sorted(glob.glob(os.path.join(folder, "*.kml")))
    assert len(files) == 635
    with db.cursor() as cur:
        cur.execute("INSERT INTO agency (code, name, kind, core_partner, active) "
                    "VALUES (%s, 'Test Metropolitan Police', 'police', false, false) "
                    "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id",
                    (MET_FORCE,))
        agency = cur.fetchone()[0]
        cur.execute("INSERT INTO team (agency_id, code, name) VALUES (%s, "
                    "'neighbourhoods', 'Safer Neighbourhoods') ON CONFLICT DO NOTHING",
                    (agency,))
    try:
        t0 = time.monotonic()
        r = subprocess_import(files)
        elapsed = time.monotonic() - t0
        assert r.returncode == 0, r.stderr
        print(r.stdout)
        print(f"import of 635 KML files: {elapsed:.1f} s")
        rep = one(db, "SELECT report FROM area_import WHERE id = (SELECT max(import_id) "
                  "FROM beat WHERE agency_id = %s AND retired_at IS NULL)", agency)[0]
        assert rep["areas"] == 635 and rep["kml_files"] == 635
        assert "Beat import: 635 beats from 635 files (0 GeoJSON, 635 KML)" in r.stdout
        codes = {os.path.basename(f)[:-4] for f in files}
        current = dict(db_rows(db, "SELECT code, team_id IS NOT NULL FROM beat WHERE "
                               "agency_id = %s AND retired_at IS NULL", agency))
        assert set(current) == codes and all(current.values())
        assert {"ce", "cn", "cs", "cw"} <= codes

        # Repaired: exactly the outlines PostGIS finds invalid as read.
        with db.cursor() as cur:
            invalid = set()
            for f in files:
                cur.execute("SELECT ST_IsValid(ST_GeomFromText(%s, 4326))",
                            (kml_polygons(f),))
                if not cur.fetchone()[0]:
                    invalid.add(os.path.basename(f)[:-4])
        assert {x["code"] for x in rep["repaired"]} == invalid
        assert rep["refused"] == []
        sliver = rep["sliver_m2"]

        # Overlaps: the pairs whose intersection is at least a sliver.
        pairs = db_rows(db, "SELECT a.code, b.code, ST_Area(ST_Intersection(a.geom, "
                        "b.geom)::geography) FROM beat a JOIN beat b ON a.code < b.code "
                        "AND ST_Intersects(a.geom, b.geom) WHERE a.agency_id = %s "
                        "AND b.agency_id = %s AND a.retired_at IS NULL "
                        "AND b.retired_at IS NULL", agency, agency)
        big = {tuple(sorted(p[:2])) for p in pairs if p[2] >= sliver}
        assert {tuple(sorted((o["a"], o["b"]))) for o in rep["overlaps"]} == big
        assert rep["overlaps_slivers"] == sum(1 for p in pairs if 0 < p[2] < sliver)
        assert abs(rep["overlaps_m2"] - sum(p[2] for p in pairs if p[2] >= sliver)) < 5

        # Gaps: what the union's outline covers that the union does not.
        holes = [h[0] for h in db_rows(
            db, "WITH u AS (SELECT ST_Union(geom) AS g FROM beat WHERE agency_id = %s "
            "AND retired_at IS NULL), p AS (SELECT (ST_Dump(g)).geom AS p FROM u) "
            "SELECT ST_Area(d.geom::geography) FROM p, ST_Dump(ST_Difference("
            "ST_MakePolygon(ST_ExteriorRing(p.p)), p.p)) d", agency)]
        assert len(rep["gaps"]) == sum(1 for h in holes if h >= sliver)
        assert rep["gaps_slivers"] == sum(1 for h in holes if h < sliver)
        assert abs(rep["gaps_m2"] - sum(h for h in holes if h >= sliver)) < 0.001 * \
            max(rep["gaps_m2"], 1) + 5
        assert re.search(rf"overlaps: +{len(big)} pairs of areas", r.stdout)
        assert re.search(rf"gaps: +{len(rep['gaps'])} holes? in the union", r.stdout)
        assert elapsed < 120, f"the import took {elapsed:.0f} s"
    finally:
        with db.cursor() as cur:
            # Its beats cover London: retired, so that no other test finds them.
            cur.execute("UPDATE beat SET retired_at = now() WHERE agency_id = %s "
                        "AND retired_at IS NULL", (agency,))


def subprocess_import(files):
    return import_areas("--kind", "beat", "--agency", MET_FORCE, "--team",
                        "neighbourhoods", "--code-from-file", *files)


# ---------------------------------------------------------------------------
# locate

def test_guildhall_is_inside_the_partnership_in_bassishaw_ward():
    loc = locate(-0.0917, 51.5155)
    assert loc["in_partnership"] is True
    assert loc["beat"]["code"] == "E05009290" and loc["beat"]["name"] == "Bassishaw"
    assert loc["area"]["code"] == "E09000001"
    assert loc["council"] is None


def test_a_point_in_hackney_is_outside_and_names_hackney_council():
    loc = locate(-0.0553, 51.5450)
    assert loc["in_partnership"] is False
    assert loc["beat"] is None
    assert loc["area"]["name"] == "Hackney"
    assert loc["council"] == "Hackney Council"


@pytest.mark.parametrize("lon,lat", [(-0.0900, 51.5080),    # the Thames
                                     (-2.2426, 53.4808)])   # Manchester
def test_the_river_and_far_away_are_outside_with_no_council(lon, lat):
    loc = locate(lon, lat)
    assert loc == {"lon": lon, "lat": lat, "in_partnership": False, "beat": None,
                   "area": None, "council": None}


def test_a_city_ward_wins_over_a_neighbours_coarse_outline(db):
    # Near Temple: in Farringdon Without ward, but inside the ~60 m-accurate
    # Westminster outline.
    lon, lat = -0.111974, 51.513683
    with db.cursor() as cur:
        cur.execute("SELECT code FROM la_area WHERE ST_Covers(geom, "
                    "ST_SetSRID(ST_MakePoint(%s, %s), 4326))", (lon, lat))
        assert [r[0] for r in cur.fetchall()] == ["E09000033"]
    loc = locate(lon, lat)
    assert loc["beat"]["name"] == "Farringdon Without"
    assert loc["in_partnership"] is True
    assert loc["area"]["code"] == "E09000001"
    assert loc["council"] is None


@pytest.mark.parametrize("args", [["200", "51.5"], ["-181", "0"], ["0", "91"],
                                  ["0", "-90.5"], ["nan", "51"], ["-0.1", "inf"],
                                  ["1e999", "0"], ["west", "51"], ["-0.1", "51.5x"],
                                  ["", "51"], ["-0.1"], ["-0.1", "51", "7"]])
def test_locate_refuses_what_is_not_a_longitude_and_latitude(args):
    r = ctl("areas", "locate", *args, check=False)
    assert r.returncode == 2, (args, r.stdout, r.stderr)
    assert r.stdout == ""


def test_locate_reads_lines_and_marks_the_bad_ones():
    r = ctl("areas", "locate", "-", check=False,
            input="-0.0917 51.5155\n\nnot a point\n-0.0553,51.5450\n200 0\n")
    assert r.returncode == 2
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == 4
    assert out[1] == {"line": 3, "error": "not a longitude and latitude"}
    assert out[3] == {"line": 5, "error": "not a longitude and latitude"}
    assert out[0]["lon"] == -0.0917 and out[2]["lat"] == 51.545


def asb_points(n):
    """The first n police-recorded ASB points with coordinates, month by month."""
    points = []
    for path in sorted(glob.glob(os.path.join(shared_data("police-uk"), "*.csv"))):
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                if row["Crime type"] == "Anti-social behaviour" and row["Longitude"]:
                    points.append((row["Longitude"], row["Latitude"]))
                    if len(points) == n:
                        return points
    return points


def test_about_nine_in_ten_police_asb_points_fall_in_a_city_ward():
    points = asb_points(1000)
    assert len(points) == 1000
    r = ctl("areas", "locate", "-", check=False,
            input="".join(f"{lon} {lat}\n" for lon, lat in points))
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == len(points)
    in_ward = [o for o in out if o["beat"] is not None]
    assert 0.85 <= len(in_ward) / len(out) <= 0.95, len(in_ward)
    assert all(o["in_partnership"] and o["area"]["code"] == "E09000001" for o in in_ward)
    # The rest are in a neighbouring borough (named) or on the river (none).
    for o in out:
        if not o["in_partnership"]:
            assert o["council"] in {None, *(f"{n} Council" for n in NEIGHBOURS.values())}


def test_the_application_role_can_locate_but_not_change_areas():
    conn = psycopg2.connect(read_conf()["db"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM beat")
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute("UPDATE beat SET name = name")
    finally:
        conn.rollback()
        conn.close()


# ---------------------------------------------------------------------------
# the seeded ASB types and questions

TYPES = {
    "noise": "nuisance", "noise-music-parties": "nuisance",
    "noise-shouting-banging": "nuisance", "noise-barking-dogs": "nuisance",
    "noise-alarms": "nuisance", "noise-construction": "nuisance",
    "harassment": "personal", "nuisance-neighbours": "personal",
    "vandalism": "environmental", "nuisance-gatherings": "nuisance",
    "vehicle-nuisance": "nuisance", "drug-activity": "nuisance",
    "street-drinking": "nuisance", "fireworks": "nuisance", "begging": "nuisance",
    "animal-problems": "nuisance", "litter-fly-tipping": "environmental",
    "abandoned-vehicles": "environmental",
}
KINDS = {"short_text", "long_text", "yes_no", "single_choice", "multiple_choice",
         "date", "time", "number"}


@pytest.fixture(scope="module")
def seeded():
    conn = psycopg2.connect(read_conf()["db_admin"])
    with conn.cursor() as cur:
        cur.execute("SELECT t.code, t.name, t.category::text, p.code, t.retention_days "
                    "FROM asb_type t LEFT JOIN asb_type p ON p.id = t.parent_id")
        types = {r[0]: r[1:] for r in cur.fetchall()}
        cur.execute("SELECT t.code, q.key, q.kind::text, q.label, q.options, "
                    "q.required, q.triage_weight, q.notice FROM question q "
                    "JOIN asb_type t ON t.id = q.asb_type_id WHERE q.active")
        questions = cur.fetchall()
    conn.close()
    return types, questions


def test_the_national_types_are_seeded_in_their_home_office_categories(seeded):
    types, _ = seeded
    for code, category in TYPES.items():
        assert types[code][1] == category, code
    # The demo's three codes carry the seed's wording.
    assert types["noise"][0] == "Noise"
    assert types["vandalism"][0] == "Criminal damage, vandalism or graffiti"
    assert types["harassment"][0] == "Harassment or intimidation"
    # (test_admin_asb.py adds types of its own, coded "test-...".)
    assert {c for c, t in types.items() if t[2] == "noise"
            and not c.startswith("test-")} == {
        "noise-music-parties", "noise-shouting-banging", "noise-barking-dogs",
        "noise-alarms", "noise-construction"}
    assert types["harassment"][3] == 2555
    assert all(t[3] > 0 for t in types.values())


def test_each_type_has_two_to_five_questions_of_many_kinds(seeded):
    _, questions = seeded
    per_type = {}
    for q in questions:
        per_type.setdefault(q[0], []).append(q)
    for code in TYPES:
        assert 2 <= len(per_type.get(code, [])) <= 5, code
        assert any(q[5] for q in per_type[code]), f"{code} has no required question"
    # Every kind but time: the seeded time questions asked when again, and
    # the form asks it once (0039); test_answer_checks.py adds one.
    assert {q[2] for q in questions if q[0] in TYPES} == KINDS - {"time"}
    assert any(q[6] > 0 and q[7] for q in per_type["nuisance-gatherings"]), \
        "weapons seen should weigh in triage and bring up a notice"


def test_choices_have_options_and_notices_are_well_formed(seeded):
    _, questions = seeded
    for code, key, kind, label, options, required, weight, notice in questions:
        where = f"{code}.{key}"
        assert isinstance(required, bool) and isinstance(weight, int), where
        assert label.strip() and not label.startswith("Please"), where
        assert isinstance(options, list), where
        if kind in ("single_choice", "multiple_choice"):
            assert len(options) >= 2, where
            for o in options:
                # An option may ask a follow-up (0039): its question and
                # what to say when it is left blank, both.
                assert set(o) in ({"value", "label"},
                                  {"value", "label", "detail", "detail_missing"}), where
                assert re.fullmatch(r"[a-z0-9_]+", o["value"]) and o["label"].strip(), where
            assert len({o["value"] for o in options}) == len(options), where
        else:
            assert options == [], where
        if notice is not None:
            assert set(notice) == {"answer", "text"}, where
            allowed = {"yes", "no"} if kind == "yes_no" else {o["value"] for o in options}
            assert notice["answer"] in allowed, where
            assert notice["text"].endswith(".") and len(notice["text"]) < 300, where
    notices = [q[7]["text"] for q in questions if q[7]]
    assert any("999" in t for t in notices)
