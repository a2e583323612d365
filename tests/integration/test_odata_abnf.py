"""The OData feed's URL parser (fcgi/odata/) against the OASIS ABNF test
cases (odata-abnf-testcases.yaml in the shared data set), in syntax-only
mode: tests/unit/odata_abnf (built by make check) answers each case with
"status<TAB>at".

A positive case must parse (0) or, when it uses what the feed does not
support, be a 501; never a 400 or a crash. A negative case must be a 400
at exactly its FailAt (or at the offset ALLOWED_OFFSET gives, with the
reason), or a 501; never parse and never crash.

No stack is needed: it runs the program only.
"""
import os
import re
import subprocess

import pytest
import yaml

from stack import ROOT, shared_data

# The rules the feed parses, and how (see tests/unit/odata_abnf.c).
RULES = {
    # query strings, through odata_query_parse
    "filter", "orderby", "orderBy", "select", "queryOptions",
    # a $filter value (and the fragments of one)
    "boolCommonExpr", "boolcommonExpr", "commonExpr", "notExpr", "isofExpr",
    "anyExpr", "firstMemberExpr", "propertyPathExpr",
    # a literal, as a one-literal $filter of the rule's kind
    "date", "dateValue", "dateTimeOffsetValue", "dateTimeOffsetLiteral",
    "dateTimeOffsetValueInUrl", "decimalValue", "decimalLiteral", "doubleValue",
    "doubleLiteral", "int32Value", "int64Value", "boolean", "stringLiteral",
    "null", "primitiveLiteral", "guid", "binaryLiteral", "durationLiteral",
    "singleLiteral", "singleValue", "byteValue", "sbyteLiteral", "sbyteValue",
    "int16Literal", "int16Value", "int32Literal", "int64Literal",
    "timeOfDayLiteral", "timeOfDayValue", "enumLiteral", "stringInUrl",
    "odataIdentifier",
    "geographyCollection", "geographyLineString", "geographyMultiLineString",
    "geographyMultiPoint", "geographyMultiPolygon", "geographyPoint",
    "geographyPolygon", "geometryCollection", "geometryLineString",
    "geometryMultiLineString", "geometryMultiPoint", "geometryMultiPolygon",
    "geometryPoint", "geometryPolygon",
}

# The rules left out, and why.
RULES_LEFT_OUT = {
    "booleanValue": "a JSON payload's boolean (lowercase only): the feed reads no request bodies",
    "enumValue": "a payload enumeration value: the feed reads no request bodies",
    "durationValue": "a payload duration without duration'...': the feed reads no request bodies",
    "primitiveValue": "request-body values: the feed reads no request bodies",
    "skiptoken": "the skip token is opaque to the parser: stored as sent, the feed decodes it",
    "expand": "$expand is not supported (always 501)",
    "search": "$search is not supported (always 501)",
    "searchExpr": "$search is not supported (always 501)",
    "compute": "$compute is not supported (always 501)",
    "systemQueryOption": "$schemaversion is not an OData 4.0 option",
    "customQueryOption": "custom options are the feed's, not the parser's",
    "context": "@odata.context URLs are written by the feed, not parsed",
    "header": "HTTP headers are not the query parser's",
    "preference": "Prefer headers are not the query parser's",
    "prefer": "Prefer headers are not the query parser's",
    "maxpagesizePreference": "Prefer headers are not the query parser's",
    "includeAnnotationsPreference": "Prefer headers are not the query parser's",
    "request-id": "HTTP headers are not the query parser's",
    "odataUri": "whole URLs (service root, resource path): the feed routes those",
    "odataRelativeUri": "whole URLs (resource path): the feed routes those",
    "resourcePath": "resource paths: the feed routes those",
    "entitySetName": "resource paths: the feed routes those",
    "functionParameter": "bound functions: not supported",
    "deltatoken": "delta links: not supported",
}

# Negative cases where this grammar puts the fault elsewhere than the
# OASIS tool does: input -> (our offset, why).
ALLOWED_OFFSET = {
    "$filter =true": (0, "'$filter ' is not a system option name: refused at the name's start"),
    "$filter= true": (8, "the stray space is reported where it is, not at the value after it"),
    "0time": (1, "reads as the number 0 then a name: refused where the name starts"),
    "No.Dot": (6, "a dotted name reads as a qualified function name, refused where '(' should follow"),
    "-INF": (0, "-INF reads as a Double; not a date (date-time) is reported at the literal's start"),
}


def four_01_only(case):
    """Why the case tests OData 4.01 only (the feed is 4.0), or None."""
    rule, text = case["Rule"], case["Input"]
    if rule in ("filter", "orderby", "orderBy", "select", "queryOptions"):
        names = [part.split("=", 1)[0] for part in text.split("&")]
        system = [n for n in names if n.lower().lstrip("$") in (
            "filter", "select", "orderby", "top", "skip", "count", "search",
            "format", "index", "compute", "expand", "skiptoken", "levels", "apply")]
        if any(not n.startswith("$") for n in system):
            return "4.01 only: a system option without '$'"
        if any(n != n.lower() for n in system):
            return "4.01 only: case-insensitive option names"
        if len(system) != len(set(system)):
            return "a repeated system option: the feed refuses it (400) by design"
    return None


def load_cases(path):
    # The file has a raw tab in one plain scalar, which PyYAML refuses:
    # quote such a value. BaseLoader keeps every value a string (some
    # inputs look like dates).
    with open(path, encoding="utf-8") as f:
        text = f.read()

    def quote(m):
        v = m.group(2).replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return m.group(1) + '"' + v + '"'

    text = re.sub(r'(?m)^(\s*Input: )(.*\t.*)$', quote, text)
    doc = yaml.load(text, Loader=yaml.BaseLoader)
    return doc["TestCases"]


def runner():
    dirs = [os.environ.get("CONCORD_BUILD"), os.path.join(ROOT, "build-asan"),
            os.path.join(ROOT, "build"), ROOT]
    for d in dirs:
        if d and os.access(os.path.join(d, "tests", "unit", "odata_abnf"), os.X_OK):
            return os.path.join(d, "tests", "unit", "odata_abnf")
    pytest.fail("tests/unit/odata_abnf is not built: run make check in the build "
                "folder (scripts/test does), or set CONCORD_BUILD")


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def run_cases(cases):
    lines = "".join(f"{c['Rule']}\t{c.get('FailAt', '-1')}\t{escape(c['Input'])}\n"
                    for c in cases)
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:halt_on_error=1")
    out = subprocess.run([runner()], input=lines, capture_output=True, text=True,
                         timeout=120, env=env)
    assert out.returncode == 0, f"odata_abnf crashed ({out.returncode}): {out.stderr[-3000:]}"
    answers = [line.split("\t") for line in out.stdout.splitlines()]
    assert len(answers) == len(cases), out.stderr[-3000:]
    return [(int(s), int(a)) for s, a in answers]


def test_odata_abnf_cases():
    path = shared_data("odata", "abnf", "odata-abnf-testcases.yaml")
    cases = load_cases(path)
    chosen, left_out = [], {}
    for c in cases:
        if c["Rule"] not in RULES:
            left_out[c["Rule"]] = left_out.get(c["Rule"], 0) + 1
            continue
        why = four_01_only(c)
        if why:
            left_out[why] = left_out.get(why, 0) + 1
            continue
        chosen.append(c)
    unknown = set(left_out) - set(RULES_LEFT_OUT) - {
        k for k in left_out if k.startswith(("4.01", "a repeated"))}
    assert not unknown, f"rules with no reason to leave them out: {sorted(unknown)}"

    answers = run_cases(chosen)
    figures = {"positive parsed": 0, "positive 501": 0, "negative 400 at FailAt": 0,
               "negative 400 allowed offset": 0, "negative 501": 0}
    wrong = []
    for c, (status, at) in zip(chosen, answers):
        name = f"{c['Rule']} {c['Input']!r} ({c['Name']})"
        if "FailAt" not in c:
            if status == 0:
                figures["positive parsed"] += 1
            elif status == 501:
                figures["positive 501"] += 1
            else:
                wrong.append(f"positive case refused: {name}: {status} at {at}")
            continue
        fail_at = int(c["FailAt"])
        if status == 501:
            figures["negative 501"] += 1
        elif status == 400 and at == fail_at:
            figures["negative 400 at FailAt"] += 1
        elif status == 400 and c["Input"] in ALLOWED_OFFSET and \
                ALLOWED_OFFSET[c["Input"]][0] == at:
            figures["negative 400 allowed offset"] += 1
        else:
            wrong.append(f"negative case: {name}: {status} at {at}, want 400 at {fail_at}")
    print(f"\nABNF cases run: {len(chosen)} of {len(cases)}; left out: {left_out}")
    print("figures:", figures)
    assert not wrong, "\n".join(wrong)
    # the runner itself can tell a bad case from a good one
    assert run_cases([{"Rule": "commonExpr", "Input": "Price eq"}])[0] == (400, 8)
