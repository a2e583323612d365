/* Boundary files read with no database (geo/): GeoJSON and KML into one
 * set of areas, the code and name of each, and coordinates refused when
 * they are not longitude then latitude in degrees. */
#include "test.h"

#include <stdio.h>

#include "core/buf.h"
#include "geo/area_set.h"

static char err[AREA_SET_ERR];

/* Reads text as file into a new set; returns what area_set_read did. */
static int
read_one(struct area_set *s, const char *file, const char *text)
{
	assert_int_equal(area_set_init(s), 0);
	err[0] = '\0';
	return area_set_read(s, file, text, strlen(text), err, sizeof(err));
}

/* Picks code and name fields, then checks the coordinates. */
static int
pick_check(struct area_set *s, const char *code, const char *name)
{
	struct area_pick p = { code, code == NULL, name };

	err[0] = '\0';
	if (area_set_pick(s, &p, err, sizeof(err)) == -1)
		return -1;
	return area_set_coords_check(s, err, sizeof(err));
}

#define SQUARE "[[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51],[-0.1,51.51],[-0.1,51.5]]]"

static const char two_wards[] =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"WD13CD\":\"E05009288\",\"WD13NM\":\"Aldersgate\",\"n\":7},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}},"
    "{\"type\":\"Feature\",\"properties\":{\"WD13CD\":\"E05009289\",\"WD13NM\":\"Aldgate\"},"
    "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" SQUARE "," SQUARE "]}}]}";

static void
geojson_features_give_codes_names_and_polygons(void **state)
{
	struct area_set s;
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(read_one(&s, "w.geojson", two_wards), 0);
	assert_int_equal(pick_check(&s, "WD13CD", "WD13NM"), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.f[0].code, "E05009288");
	assert_string_equal(s.f[1].name, "Aldgate");
	assert_string_equal(area_field(&s.f[0], "n"), "7");	/* numbers as text */
	assert_int_equal(s.f[1].npolys, 2);
	assert_int_equal(area_set_positions(&s), 15);
	assert_int_equal(area_feature_geojson(&s.f[0], &b), 0);
	assert_non_null(strstr(buf_cstr(&b), "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-0.1"));
	buf_free(&b);
	area_set_free(&s);
}

static const char kml_two[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Folder>\n"
    "<Placemark><name> Bassishaw </name><ExtendedData>"
    "<Data name=\"code\"><value>E05009290</value></Data>"
    "<SchemaData><SimpleData name=\"ward\">Bassishaw ward</SimpleData></SchemaData>"
    "</ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>\n"
    "  -0.1,51.5,0 -0.09,51.5,0 -0.09,51.51,0 -0.1,51.51,0\n"	/* not closed */
    "</coordinates></LinearRing></outerBoundaryIs>"
    "<innerBoundaryIs><LinearRing><coordinates>-0.098,51.502 -0.092,51.502 "
    "-0.092,51.508 -0.098,51.502</coordinates></LinearRing></innerBoundaryIs>"
    "</Polygon></Placemark>\n"
    "<Placemark><name>Two</name><ExtendedData><Data name=\"code\"><value>X2</value></Data>"
    "</ExtendedData><MultiGeometry><Point><coordinates>-0.1,51.5</coordinates></Point>"
    "<Polygon><outerBoundaryIs><LinearRing><coordinates>-0.2,51.5 -0.19,51.5 "
    "-0.19,51.51 -0.2,51.5</coordinates></LinearRing></outerBoundaryIs></Polygon>"
    "</MultiGeometry></Placemark></Folder></Document></kml>\n";

static void
kml_placemarks_give_names_extended_data_and_rings(void **state)
{
	struct area_set s;

	(void)state;
	assert_int_equal(read_one(&s, "n.kml", kml_two), 0);
	assert_int_equal(pick_check(&s, "code", "name"), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.f[0].code, "E05009290");
	assert_string_equal(s.f[0].name, "Bassishaw");	/* trimmed */
	assert_string_equal(area_field(&s.f[0], "ward"), "Bassishaw ward");
	assert_int_equal(s.f[0].npolys, 1);
	assert_int_equal(s.f[0].polys[0].nrings, 2);
	/* The open outer ring was closed, and counted. */
	assert_int_equal(s.f[0].polys[0].rings[0].n, 5);
	assert_int_equal(s.f[0].closed, 1);
	/* The label point beside the polygon is skipped, and counted. */
	assert_int_equal(s.f[1].npolys, 1);
	assert_int_equal(s.f[1].skipped, 1);
	area_set_free(&s);
}

static void
the_format_is_told_by_content_and_files_add_up(void **state)
{
	struct area_set s;
	struct area_pick p = { NULL, 1, NULL };

	(void)state;
	assert_int_equal(area_format_sniff("\xef\xbb\xbf  {", 6), AREA_FORMAT_GEOJSON);
	assert_int_equal(area_format_sniff("\n<kml>", 6), AREA_FORMAT_KML);
	assert_int_equal(area_format_sniff("type,geom", 9), AREA_FORMAT_UNKNOWN);
	/* A KML file named .json is still read as KML. */
	assert_int_equal(read_one(&s, "dir/00ABFX.json", kml_two), 0);
	assert_int_equal(area_set_read(&s, "dir/two.geojson", two_wards,
	    strlen(two_wards), err, sizeof(err)), 0);
	assert_int_equal(s.n, 4);
	/* --code-from-file wants one area a file. */
	assert_int_equal(area_set_pick(&s, &p, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "dir/00ABFX.json has 2 areas"));
	area_set_free(&s);
}

static void
a_code_from_the_file_name_and_a_name_from_the_code(void **state)
{
	struct area_set s;
	static const char one[] = "<kml><Placemark><Polygon><outerBoundaryIs>"
	    "<LinearRing><coordinates>0.09,51.53 0.08,51.53 0.08,51.54 0.09,51.53"
	    "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>";

	(void)state;
	assert_int_equal(read_one(&s, "/data/met/00ABFX.kml", one), 0);
	assert_int_equal(pick_check(&s, NULL, NULL), 0);
	assert_string_equal(s.f[0].code, "00ABFX");
	assert_string_equal(s.f[0].name, "00ABFX");
	area_set_free(&s);
}

/* Each bad file: refused with err containing want. */
static void
refused(const char *file, const char *text, const char *code, const char *name,
    const char *want)
{
	struct area_set s;
	int rc = read_one(&s, file, text);

	if (rc == 0)
		rc = pick_check(&s, code, name);
	if (rc != -1 || strstr(err, want) == NULL)
		fail_msg("%s: rc %d, err \"%s\", wanted \"%s\"", file, rc, err, want);
	area_set_free(&s);
}

static void
bad_files_are_refused_saying_why(void **state)
{
	(void)state;
	refused("cut.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[", "a", NULL,
	    "cut.geojson: not valid JSON (line 2)");
	refused("topo.json", "{\"type\":\"Topology\"}", "a", NULL, "not GeoJSON areas");
	refused("empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}", "a",
	    NULL, "has no features");
	refused("bad.kml", "<kml><Placemark></kml>", "a", NULL, "bad.kml: not valid XML (line 1)");
	refused("html.kml", "<html></html>", "a", NULL, "not KML");
	refused("none.kml", "<kml><Document/></kml>", "a", NULL, "has no Placemark");
	refused("dtd.kml", "<!DOCTYPE kml [<!ENTITY a \"b\">]><kml/>", "a", NULL,
	    "<!DOCTYPE>");
	refused("x.txt", "WKT POLYGON((0 0))", "a", NULL, "neither GeoJSON");
	refused("points.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
	    "\"Feature\",\"properties\":{\"c\":\"P1\"},\"geometry\":{\"type\":\"Point\","
	    "\"coordinates\":[-0.1,51.5]}}]}", "c", NULL, "the files have no polygons (only Point");
	refused("mixed.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
	    "\"Feature\",\"properties\":{\"c\":\"A\"},\"geometry\":{\"type\":\"Polygon\","
	    "\"coordinates\":" SQUARE "}},{\"type\":\"Feature\",\"properties\":{\"c\":\"P\"},"
	    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,0]}}]}", "c", NULL,
	    "mixed.geojson feature 2 (P) is not a Polygon or MultiPolygon (it has a Point)");
	refused("w.geojson", two_wards, "CODE", "WD13NM",
	    "no feature has a field \"CODE\" (the --code-field); the fields there are: "
	    "WD13CD, WD13NM, n");
	refused("w.kml", kml_two, "name", "title", "no feature has a field \"title\" "
	    "(the --name-field); the fields there are: name, code, ward");
	refused("w.geojson", two_wards, "n", NULL, "w.geojson feature 2 has no code");
	refused("short.kml", "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing>"
	    "<coordinates>0,0 1,1</coordinates></LinearRing></outerBoundaryIs></Polygon>"
	    "</Placemark></kml>", "a", NULL, "fewer than 3 positions");
	refused("tuple.kml", "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing>"
	    "<coordinates>0,0 1;1 2,2 0,0</coordinates></LinearRing></outerBoundaryIs>"
	    "</Polygon></Placemark></kml>", "a", NULL, "have \"1;1 2,2 0,0\" where");
}

static void
duplicate_codes_are_refused_naming_both(void **state)
{
	static const char dup[] = "{\"type\":\"FeatureCollection\",\"features\":["
	    "{\"type\":\"Feature\",\"properties\":{\"c\":\"A\",\"n\":\"One\"},\"geometry\":"
	    "{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}},"
	    "{\"type\":\"Feature\",\"properties\":{\"c\":\"A\",\"n\":\"Two\"},\"geometry\":"
	    "{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}}]}";

	(void)state;
	refused("d.geojson", dup, "c", "n", "d.geojson feature 2 (A Two) has the same "
	    "code as d.geojson feature 1 (A One)");
}

/* A one-feature GeoJSON with the given ring. */
static void
coords_refused(const char *ring, const char *want)
{
	char text[1024];

	snprintf(text, sizeof(text), "{\"type\":\"Feature\",\"properties\":{\"c\":\"A\"},"
	    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[%s]}}", ring);
	refused("c.geojson", text, "c", NULL, want);
}

static void
coordinates_in_the_wrong_system_or_order_are_named(void **state)
{
	(void)state;
	coords_refused("[[532000,181000],[532100,181000],[532100,181100],[532000,181000]]",
	    "these look like British National Grid metres (EPSG:27700), not "
	    "longitude/latitude");
	coords_refused("[[51.5,-0.1],[51.5,-0.09],[51.51,-0.09],[51.5,-0.1]]",
	    "these look like UK latitude, longitude in the wrong order");
	coords_refused("[[10,95],[10,96],[11,96],[10,95]]",
	    "a latitude beyond 90, so these look like latitude, longitude");
	coords_refused("[[-200,1000],[-200,1001],[-201,1001],[-200,1000]]",
	    "not a longitude (-180 to 180) and a latitude (-90 to 90)");
	coords_refused("[[0,0],[1,1],[0,0]]", "a ring of 3 positions");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(geojson_features_give_codes_names_and_polygons),
		cmocka_unit_test(kml_placemarks_give_names_extended_data_and_rings),
		cmocka_unit_test(the_format_is_told_by_content_and_files_add_up),
		cmocka_unit_test(a_code_from_the_file_name_and_a_name_from_the_code),
		cmocka_unit_test(bad_files_are_refused_saying_why),
		cmocka_unit_test(duplicate_codes_are_refused_naming_both),
		cmocka_unit_test(coordinates_in_the_wrong_system_or_order_are_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
