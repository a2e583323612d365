"""The CAD API's OpenAPI 3.1 document (views/api/openapi.json, served at
/api/v1/openapi.json) as the tests use it: validate(resp, path, method)
checks a real answer's body against the document's schema for that
operation and status, so every endpoint's tests can hold the document to
what the server really says."""
import json
import os

import jsonschema

from stack import ROOT

DOC_PATH = os.path.join(ROOT, "views", "api", "openapi.json")
_doc = None


def document():
    """The document as shipped in the repository."""
    global _doc
    if _doc is None:
        with open(DOC_PATH, encoding="utf-8") as f:
            _doc = json.load(f)
    return _doc


def resolve(doc, node):
    """node with a local $ref ("#/components/...") followed, repeatedly."""
    while isinstance(node, dict) and "$ref" in node and isinstance(node["$ref"], str):
        target = node["$ref"]
        assert target.startswith("#/"), f"not a local $ref: {target}"
        node = doc
        for part in target[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            assert isinstance(node, dict) and part in node, f"$ref {target} does not resolve"
            node = node[part]
    return node


def response_schema(path_template, method, status, media=None, doc=None):
    """The schema of the response to method path_template with status (the
    status itself, else "4XX"-style, else "default"), and its media type."""
    doc = doc or document()
    op = doc["paths"][path_template][method.lower()]
    responses = op["responses"]
    key = str(status)
    if key not in responses:
        key = key[0] + "XX" if key[0] + "XX" in responses else "default"
    assert key in responses, f"{method} {path_template} documents no {status} response"
    resp = resolve(doc, responses[key])
    content = resp.get("content", {})
    if media is None:
        assert len(content) <= 1, f"{method} {path_template} {status}: say which media type"
        media = next(iter(content), None)
    if media is None:
        return None, None
    assert media in content, f"{method} {path_template} {status} documents no {media} body"
    return content[media]["schema"], media


def validate(resp, path_template, method):
    """Checks a requests Response against the document: its status is
    documented for the operation, its Content-Type is the documented one,
    and its body is valid against the documented schema (JSON Schema
    2020-12, $refs resolved within the document)."""
    doc = document()
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip() or None
    schema, media = response_schema(path_template, method, resp.status_code,
                                    media=ctype if resp.content else None, doc=doc)
    if schema is None:
        assert not resp.content, (f"{method} {path_template} {resp.status_code} documents "
                                  f"no body, but one came: {resp.text[:200]}")
        return None
    body = resp.json()
    resolver = jsonschema.RefResolver.from_schema(doc)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver,
                                                format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, (f"{method} {path_template} {resp.status_code} does not match the "
                        "OpenAPI document:\n" + "\n".join(
                            f"  at {'/'.join(map(str, e.path)) or '(root)'}: {e.message}"
                            for e in errors[:10]))
    return body
