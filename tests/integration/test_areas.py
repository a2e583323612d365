"""Geography: the demo's beats and council areas (concordctl areas import,
run by scripts/lib.sh's demo step from the copy shipped in sql/demo/), the
demo incidents placed in them (concordctl demo incidents), where a
point is (concordctl areas locate, which calls area_locate in
fcgi/domain/area.c), and the seeded ASB types and their questions
(sql/migrations/0010_asb_types.sql)."""
import csv
import glob
import json
import os
import re
import time

import psycopg2
import pytest

from stack import DEMO_GEO, ctl, read_conf, shared_data

WARDS = os.path.join(DEMO_GEO, "city-of-london-wards.geojson")
LADS = os.path.join(DEMO_GEO, "city-and-neighbours-councils.geojson")

NEIGHBOURS = {"E09000007": "Camden", "E09000012": "Hackney",
              "E09000019": "Islington", "E09000028": "Southwark",
              "E09000030": "Tower Hamlets", "E09000033": "Westminster"}


def import_beats(path, *extra):
    return ctl("areas", "import", "--beats", str(path), "--beat-agency",
               "city-police", "--code-field", "WD13CD", "--name-field", "WD13NM",
               *extra, check=False)


def import_lads(*extra):
    return ctl("areas", "import", "--areas", LADS, "--area-agency",
               "E09000001=city-council", "--create-councils", "--code-field",
               "LAD13CD", "--name-field", "LAD13NM", *extra, check=False)


def locate(lon, lat):
    r = ctl("areas", "locate", str(lon), str(lat), check=False)
    assert r.returncode == 0, r.stderr
    assert "Sanitizer" not in r.stderr and "runtime error" not in r.stderr, r.stderr
    return json.loads(r.stdout)


def table_state(db):
    """Everything an import could change, to show a refused one changed nothing."""
    with db.cursor() as cur:
        cur.execute("SELECT code, name, agency_id, md5(ST_AsBinary(geom)) FROM beat "
                    "UNION ALL SELECT code, name, agency_id, md5(ST_AsBinary(geom)) "
                    "FROM la_area ORDER BY 1")
        rows = cur.fetchall()
        cur.execute("SELECT count(*) FROM agency")
        return rows, cur.fetchone()[0]


# ---------------------------------------------------------------------------
# the demo import

def test_demo_imported_the_25_city_wards_as_beats_and_7_council_areas(db):
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM beat b JOIN agency a ON a.id = b.agency_id "
                    "WHERE a.code = 'city-police'")
        assert cur.fetchone()[0] == 25
        cur.execute("SELECT l.code, l.name, a.code, a.name, a.kind, a.core_partner, "
                    "a.active FROM la_area l JOIN agency a ON a.id = l.agency_id")
        areas = {r[0]: r[1:] for r in cur.fetchall()}
        cur.execute("SELECT count(*) FROM (SELECT geom FROM beat UNION ALL "
                    "SELECT geom FROM la_area) g WHERE NOT ST_IsValid(geom) "
                    "OR ST_SRID(geom) <> 4326 OR GeometryType(geom) <> 'MULTIPOLYGON'")
        assert cur.fetchone()[0] == 0
    assert len(areas) == 7
    assert areas["E09000001"] == ("City of London", "city-council",
                                  "City of London Corporation", "local_authority",
                                  True, True)
    for code, name in NEIGHBOURS.items():
        slug = name.lower().replace(" ", "-")
        # Councils outside the partnership: there to be named, never to sign in.
        assert areas[code] == (name, f"{slug}-council", f"{name} Council",
                               "local_authority", False, False)


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
    """For each demo incident whose point is in a City ward: its beat and
    council area, and the ward and City area that cover its point."""
    with db.cursor() as cur:
        cur.execute("SELECT i.reference, i.beat_id, i.la_area_id, b.id, "
                    "(SELECT id FROM la_area WHERE code = 'E09000001') "
                    "FROM incident i JOIN beat b ON ST_Covers(b.geom, i.location) "
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


def test_importing_the_same_files_again_changes_nothing_and_takes_seconds(db):
    before = table_state(db)
    t0 = time.monotonic()
    beats = import_beats(WARDS)
    lads = import_lads()
    elapsed = time.monotonic() - t0
    assert beats.returncode == 0, beats.stderr
    assert lads.returncode == 0, lads.stderr
    assert "25 beats: 0 new, 0 changed, 25 unchanged" in beats.stdout
    assert "7 council areas: 0 new, 0 changed, 7 unchanged" in lads.stdout
    assert "created agency" not in lads.stdout
    # Three of the derived outlines cross themselves; each is named as repaired.
    assert re.findall(r"\((E09\d+) [^)]*\): invalid geometry", lads.stdout) == \
        ["E09000028", "E09000030", "E09000033"]
    assert elapsed < 5, f"import took {elapsed:.1f} s"
    assert table_state(db) == before


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


BAD_FILES = {
    "point": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        "type": "Feature", "properties": {"WD13CD": "X0000001", "WD13NM": "Pointy"},
        "geometry": {"type": "Point", "coordinates": [-0.09, 51.51]}}]),
        r"feature 2 \(X0000001 Pointy\) is not a Polygon or MultiPolygon"),
    "duplicate code": (lambda w: feature_collection([renamed(w[0], "Changed"), w[1], w[0]]),
        r"feature 3 \(E05009288 Aldersgate\) has the same code as feature 1"),
    "no name": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        **w[1], "properties": {"WD13CD": w[1]["properties"]["WD13CD"]}}]),
        r"feature 2 \(E05009289\) has no name"),
    "british national grid": (lambda w: feature_collection(
        [renamed(w[0], "Changed")], crs={"type": "name", "properties": {
            "name": "urn:ogc:def:crs:EPSG::27700"}}),
        r"coordinates are in urn:ogc:def:crs:EPSG::27700, not longitude and latitude"),
    "metres without a crs": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        **w[1], "geometry": {"type": "Polygon", "coordinates": [[
            [532000, 181000], [532100, 181000], [532100, 181100], [532000, 181000]]]}}]),
        r"feature 2 \(E05009289 Aldgate\): coordinates are not longitude and latitude"),
    "broken ring": (lambda w: feature_collection([renamed(w[0], "Changed"), {
        **w[1], "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}]),
        r"feature 2 \(E05009289 Aldgate\): "),
    "not geojson": (lambda w: {"type": "Topology", "objects": {}},
        r"not a GeoJSON FeatureCollection"),
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
    # The first feature (a real ward, renamed) was not written either.
    assert table_state(db) == before


def test_import_refuses_truncated_json_with_its_line(tmp_path, db):
    path = tmp_path / "cut.geojson"
    path.write_text(open(WARDS).read()[:5000])
    r = import_beats(path)
    assert r.returncode == 1
    assert "not valid JSON (line" in r.stderr


def test_import_refuses_an_agency_of_the_wrong_kind_or_none(db):
    before = table_state(db)
    r = ctl("areas", "import", "--beats", WARDS, "--beat-agency", "city-council",
            "--code-field", "WD13CD", "--name-field", "WD13NM", check=False)
    assert r.returncode == 1
    assert "agency city-council is a local_authority agency; beats belong to a " \
        "police agency" in r.stderr
    r = ctl("areas", "import", "--areas", LADS, "--area-agency", "E09000001=nobody",
            "--code-field", "LAD13CD", "--name-field", "LAD13NM", check=False)
    assert r.returncode == 1
    assert "feature 1 (E09000001 City of London): there is no agency nobody" in r.stderr
    # A typing mistake in an area code is not silently ignored.
    r = import_lads("--area-agency", "E0900001=city-council")
    assert r.returncode == 1
    assert "no feature has code E0900001" in r.stderr
    assert table_state(db) == before


def test_import_wants_its_arguments():
    for args in (["--beats", "x.json"],
                 ["--beats", "x", "--areas", "y", "--code-field", "a", "--name-field", "b"],
                 ["--beats", "x", "--area-agency", "a", "--code-field", "a",
                  "--name-field", "b"]):
        r = ctl("areas", "import", *args, check=False)
        assert r.returncode == 2, args


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
