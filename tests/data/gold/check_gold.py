#!/usr/bin/env python3
"""Validates tests/data/gold/events.jsonl and prints its counts.

Usage: python3 tests/data/gold/check_gold.py [events.jsonl] [cameo_dir]
Checks: every line is a JSON object with the documented fields; ids are unique and
ordered; dates are real calendar dates in 2015-2025; every event code is in the CAMEO
codebook; every actor code is a CAMEO country code or a listed international/non-state
code, followed by zero or more three-letter agent codes; tags match the events
(rootNN, no_event, multi_event); split is dev, test, holdout, holdout2, holdout3, holdout4, holdout5 or holdout6. Exits 1 on the first file with
errors, after listing them all.
"""
import collections, datetime, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "events.jsonl")
cameo = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "..", "..", "shared", "data", "cameo")

def first_column(name):
    with open(os.path.join(cameo, name), encoding="utf-8", errors="replace") as f:
        return {line.split("\t")[0] for line in f.read().split("\n")[1:] if line.strip()}

codes = first_column("cameo_codebook.tsv")
countries = first_column("cameo_country_codes_from_phoenix_dict.tsv")
nonstate = first_column("phoenix_international_and_nonstate_actor_codes.tsv")
agents = {a for a in first_column("phoenix_agent_codes.tsv") if len(a) == 3}

def agents_ok(rest):
    return len(rest) % 3 == 0 and all(rest[i:i + 3] in agents for i in range(0, len(rest), 3))

def actor_ok(code):
    if code == "":
        return True
    if code in nonstate:
        return True
    if code[:3] in countries and agents_ok(code[3:]):
        return True
    for k in range(len(code) - 1, 2, -1):  # listed IGO/NGO prefix plus agents
        if code[:k] in nonstate and agents_ok(code[k:]):
            return True
    return False

errors = []
rows = []
seen_ids, seen_texts = set(), set()
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        def err(msg):
            errors.append(f"{path}:{n}: {msg}")
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"invalid JSON: {e}"); continue
        if not isinstance(o, dict):
            err("not an object"); continue
        for k in ("id", "date", "text", "events", "tags", "split"):
            if k not in o:
                err(f"missing field {k}")
        if set(o) - {"id", "date", "text", "context", "events", "tags", "split"}:
            err(f"unknown fields {sorted(set(o) - {'id','date','text','context','events','tags','split'})}")
        if o.get("id") != f"g{n:04d}":
            err(f"id {o.get('id')} should be g{n:04d}")
        try:
            d = datetime.date.fromisoformat(o.get("date", ""))
            if not (2015 <= d.year <= 2025):
                err("date outside 2015-2025")
        except ValueError:
            err(f"bad date {o.get('date')!r}")
        if not o.get("text", "").strip():
            err("empty text")
        if o.get("text") in seen_texts:
            err("duplicate text")
        seen_texts.add(o.get("text"))
        evs = o.get("events", [])
        for e in evs:
            if set(e) != {"source", "target", "code"}:
                err(f"event fields {sorted(e)}")
            if e.get("code") not in codes:
                err(f"unknown CAMEO code {e.get('code')}")
            if not e.get("source"):
                err("event without source")
            for role in ("source", "target"):
                if not actor_ok(e.get(role, "")):
                    err(f"bad {role} actor {e.get(role)}")
        tags = o.get("tags", [])
        want = {"root" + e["code"][:2] for e in evs if "code" in e}
        have = {t for t in tags if re.fullmatch(r"root\d\d", t)}
        if want != have:
            err(f"root tags {sorted(have)} != {sorted(want)}")
        if ("no_event" in tags) != (not evs):
            err("no_event tag does not match events")
        if ("multi_event" in tags) != (len(evs) > 1):
            err("multi_event tag does not match events")
        if ("context" in o) != ("context" in tags):
            err("context field and tag disagree")
        if o.get("split") not in ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6"):
            err(f"bad split {o.get('split')}")
        rows.append(o)

for e in errors:
    print(e)
if errors:
    sys.exit(1)

print(f"{len(rows)} sentences, {sum(len(r['events']) for r in rows)} events, "
      f"{sum(1 for r in rows if not r['events'])} without events "
      f"({100.0 * sum(1 for r in rows if not r['events']) / len(rows):.1f} %)")
split = collections.Counter(r["split"] for r in rows)
print("split: " + ", ".join(f"{k} {v}" for k, v in sorted(split.items())))
root_sent, root_ev = collections.Counter(), collections.Counter()
for r in rows:
    for root in {e["code"][:2] for e in r["events"]}:
        root_sent[root] += 1
    for e in r["events"]:
        root_ev[e["code"][:2]] += 1
print("root  sentences  events  dev-sentences  holdout-sentences  holdout2-sentences  holdout3-sentences  holdout4-sentences  holdout5-sentences  holdout6-sentences")
for root in sorted(root_sent):
    def in_split(name):
        return sum(1 for r in rows if r["split"] == name and any(e["code"][:2] == root for e in r["events"]))
    print(f"{root}    {root_sent[root]:9d}  {root_ev[root]:6d}  {in_split('dev'):13d}  {in_split('holdout'):17d}  {in_split('holdout2'):18d}  {in_split('holdout3'):18d}  {in_split('holdout4'):18d}  {in_split('holdout5'):18d}  {in_split('holdout6'):18d}")
tags = collections.Counter(t for r in rows for t in r["tags"] if not t.startswith("root"))
print("tags: " + ", ".join(f"{k} {v}" for k, v in sorted(tags.items())))
years = collections.Counter(r["date"][:4] for r in rows)
print("years: " + ", ".join(f"{k} {v}" for k, v in sorted(years.items())))
print("distinct codes:", len({e["code"] for r in rows for e in r["events"]}))
