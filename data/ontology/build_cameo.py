#!/usr/bin/env python3
"""Builds data/ontology/cameo.tsv, dyad's CAMEO/PLOVER ontology, from the CAMEO fact tables.

Usage (from the repository root):
    python3 data/ontology/build_cameo.py ../shared/data/cameo data/ontology/cameo.tsv

Inputs (in the given directory):
    cameo_event_codes_merged.tsv  codes, levels, ICEWS/GDELT/Phoenix Goldstein and QuadClass columns
    cameo_codebook.tsv            code names (ICEWS R package codebook)
    CAMEO2PLOVER-2021.txt         CAMEO -> PLOVER type, mode, context (PLOVER draft 0.8)

Decisions (documented in docs/ontology.md):
  * goldstein   = the GDELT column; where GDELT has no value, ICEWS, then Phoenix, then the parent.
  * quad_class  = the GDELT 1-4 column (1 verbal coop, 2 material coop, 3 verbal conflict,
                  4 material conflict). ICEWS (1-4) and Phoenix (0-4) are kept as extra columns.
  * PLOVER: the 2021 table has no rows for CAMEO roots 01 and 02. CAMEO 02 (appeals) is folded
    into PLOVER REQUEST, with the mode of the matching 10x demand code (021->101 ... 028->108);
    CAMEO 01 (statements) has no PLOVER type and is left empty. A code missing from the table
    inherits its parent's PLOVER entry. Duplicate rows: the first wins.
  * Codes without any name (Phoenix-only extensions such as 0110) are named after their parent.

The output is deterministic: same inputs, same bytes.
"""
import sys

FORMAT = "dyad-cameo-ontology 1"

COLUMNS = ["code", "root", "level", "name", "goldstein", "quad_class", "plover_type",
           "plover_mode", "plover_context", "goldstein_icews", "goldstein_gdelt",
           "goldstein_phoenix", "quad_icews", "quad_phoenix", "origin"]


def fail(msg):
    sys.stderr.write("build_cameo: " + msg + "\n")
    sys.exit(1)


def read_tsv(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        fail(f"{path}: {e}")
    if not lines:
        fail(f"{path}: empty")
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append((n, dict(zip(header, cells))))
    return header, rows


def parse_plover(path):
    out = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        fail(f"{path}: {e}")
    for n, line in enumerate(lines, start=1):
        s = line.strip()
        if not s or not s[0].isdigit():
            continue
        comment = ""
        if "#" in s:
            s, comment = s.split("#", 1)
        code, _, rest = s.partition(":")
        code = code.strip()
        if not code.isdigit():
            fail(f"{path}:{n}: bad code {code!r}")
        parts = [p.strip() for p in rest.split(",")]
        while len(parts) < 3:
            parts.append("")
        ptype = parts[0].upper()
        mode = parts[1].replace(" ", "")
        if "_" in mode:  # "pro_autocracy" in the mode column (175) is a context word
            parts.insert(2, mode)
            mode = ""
        context = ",".join(p.replace(" ", "") for p in parts[2:] if p.strip()).replace(";", ",")
        context = ",".join(c for c in context.split(",") if c)
        if code not in out:  # first row wins (08 and 175 appear twice)
            out[code] = (ptype, mode, context, comment.strip())
    return out


def main():
    if len(sys.argv) != 3:
        fail("usage: build_cameo.py <cameo-dir> <out.tsv>")
    src, out_path = sys.argv[1], sys.argv[2]
    _, merged = read_tsv(src + "/cameo_event_codes_merged.tsv")
    _, book = read_tsv(src + "/cameo_codebook.tsv")
    plover = parse_plover(src + "/CAMEO2PLOVER-2021.txt")

    names = {r["code"]: r["name"].strip() for _, r in book}
    codes = {}
    for n, r in merged:
        code = r["code"].strip()
        if not code.isdigit() or not 2 <= len(code) <= 4:
            fail(f"cameo_event_codes_merged.tsv:{n}: bad code {code!r}")
        codes[code] = r
    # Codes PLOVER knows that the merged table lacks (1214) join with their parent's values.
    for code in plover:
        if code not in codes and code[:3] in codes:
            parent = dict(codes[code[:3]])
            parent["code"] = code
            parent["level"] = "2"
            parent["name_icews_csv"] = ""
            parent["_from_plover"] = "1"
            codes[code] = parent

    def parent_of(code):
        return code[:-1] if len(code) > 2 else None

    def pick_goldstein(code):
        r = codes[code]
        for col in ("goldstein_gdelt", "goldstein_icews", "goldstein_phoenix"):
            v = r.get(col, "").strip()
            if v and not r.get("_from_plover"):
                return float(v)
        p = parent_of(code)
        if p and p in codes:
            return pick_goldstein(p)
        fail(f"no Goldstein value for {code}")

    def pick_plover(code):
        if code in plover:
            return plover[code][:3]
        root = code[:2]
        if root == "02":  # appeals fold into REQUEST, mode as the matching 10x demand
            twin = "10" + code[2:] if len(code) > 2 else "10"
            if twin in plover:
                return ("REQUEST",) + tuple(plover[twin][1:3])
            p = parent_of(code)
            return pick_plover(p) if p else ("REQUEST", "", "")
        if root == "01":
            return ("", "", "")
        p = parent_of(code)
        if p:
            return pick_plover(p)
        return ("", "", "")

    def pick_name(code):
        r = codes[code]
        if names.get(code):
            return names[code]
        if r.get("name_icews_csv", "").strip():
            return r["name_icews_csv"].strip()
        if code in plover and plover[code][3]:
            return plover[code][3]
        p = parent_of(code)
        return (pick_name(p) + " (extension)") if p else code

    def fmt(v):
        s = f"{v:.1f}"
        return s

    out = ["#" + FORMAT,
           "# CAMEO event codes with Goldstein (GDELT), QuadClass (GDELT 1-4) and PLOVER 0.8.",
           "# Built by data/ontology/build_cameo.py; sources in data/ontology/README.md. Do not edit by hand.",
           "\t".join(COLUMNS)]
    for code in sorted(codes, key=lambda c: (c[:2], c.ljust(4, " "))):
        r = codes[code]
        origin = []
        if not r.get("_from_plover"):
            if r.get("goldstein_icews", "").strip():
                origin.append("icews")
            if r.get("goldstein_gdelt", "").strip():
                origin.append("gdelt")
            if r.get("goldstein_phoenix", "").strip():
                origin.append("phoenix")
        if code in plover:
            origin.append("plover")
        ptype, pmode, pctx = pick_plover(code)
        extra = lambda col: "" if r.get("_from_plover") else r.get(col, "").strip()
        row = [code, code[:2], str(len(code) - 2), pick_name(code).replace("\t", " "),
               fmt(pick_goldstein(code)), r["quad_gdelt(1-4)"].strip(), ptype, pmode, pctx,
               extra("goldstein_icews"), extra("goldstein_gdelt"), extra("goldstein_phoenix"),
               r["quad_icews_rpkg(1-4)"].strip(), r["quad_phoenix(0-4)"].strip(),
               ",".join(origin)]
        if row[5] not in ("1", "2", "3", "4"):
            fail(f"{code}: QuadClass {row[5]!r} not in 1-4")
        out.append("\t".join(row))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    sys.stderr.write(f"build_cameo: wrote {len(codes)} codes to {out_path}\n")


if __name__ == "__main__":
    main()
