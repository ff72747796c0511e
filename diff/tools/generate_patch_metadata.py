#!/usr/bin/env python3
"""Generates diff/src/main/resources/dev/kelpie/diff/patch-metadata.json.gz from a Kubernetes
OpenAPI v2 document (swagger.json or swagger.json.gz).

It keeps, for every definition, only what patching needs: type, properties (type, $ref, items,
additionalProperties) and the x-kubernetes-* patch/list/map extensions, plus the
x-kubernetes-group-version-kind of top-level kinds. Descriptions and the rest are dropped.

Usage: generate_patch_metadata.py SWAGGER[.gz] OUTPUT.json.gz --kubernetes-version 1.33
"""
import argparse
import gzip
import json

KEEP = ("type", "$ref", "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
        "x-kubernetes-preserve-unknown-fields")


def trim(schema):
    if not isinstance(schema, dict):
        return {}
    out = {k: schema[k] for k in KEEP if k in schema}
    if "allOf" in schema and len(schema["allOf"]) == 1:
        out.update(trim(schema["allOf"][0]))
    if isinstance(schema.get("items"), dict):
        out["items"] = trim(schema["items"])
    if isinstance(schema.get("additionalProperties"), dict):
        out["additionalProperties"] = trim(schema["additionalProperties"])
    if isinstance(schema.get("properties"), dict):
        out["properties"] = {k: trim(v) for k, v in sorted(schema["properties"].items())}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("swagger")
    ap.add_argument("output")
    ap.add_argument("--kubernetes-version", required=True)
    args = ap.parse_args()
    opener = gzip.open if args.swagger.endswith(".gz") else open
    with opener(args.swagger, "rt", encoding="utf-8") as f:
        spec = json.load(f)
    definitions = {}
    kinds = {}
    for name, d in sorted(spec["definitions"].items()):
        definitions[name] = trim(d)
        for gvk in d.get("x-kubernetes-group-version-kind", []):
            kind = gvk["kind"]
            if kind.endswith("List") or "metadata" not in d.get("properties", {}):
                continue
            group = gvk.get("group", "") or "core"
            kinds["%s/%s/%s" % (group, gvk["version"], kind)] = name
    out = {
        "kubernetesVersion": args.kubernetes_version,
        "source": "Kubernetes OpenAPI v2 (api/openapi-spec/swagger.json), Apache-2.0, The Kubernetes Authors",
        "generatedBy": "diff/tools/generate_patch_metadata.py",
        "kinds": dict(sorted(kinds.items())),
        "definitions": definitions,
    }
    data = json.dumps(out, separators=(",", ":"), sort_keys=False).encode("utf-8")
    with gzip.GzipFile(args.output, "wb", mtime=0) as f:
        f.write(data)
    print("%d kinds, %d definitions, %d bytes" % (len(kinds), len(definitions), len(data)))


if __name__ == "__main__":
    main()
