#!/usr/bin/env python3
"""Agreement between two codings of the same sentences, scored as `dyad coder eval` scores:
root code + 3-letter source/target prefixes, full code + full actor codes, actors alone.
Prints aggregates only, never a sentence.

Usage: python3 tests/data/gold/agree.py tests/data/gold/events.jsonl tests/data/gold/holdout6_second.jsonl
Both files are JSON Lines with "id" and "events"; only the ids of the second file are scored."""
import collections, json, sys

def load(path, ids=None):
    out = {}
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        if ids is None or o["id"] in ids:
            out[o["id"]] = o.get("events", [])
    return out

def keys(evs, kind):
    c = collections.Counter()
    for e in evs:
        s, t, code = e["source"], e.get("target", ""), e["code"]
        if kind == "root": c[(code[:2], s[:3], t[:3])] += 1
        elif kind == "full": c[(code, s, t)] += 1
        else: c[("", s, t)] += 1
    return c

def score(a, b, kind):
    tp = fp = fn = 0
    for i in a:
        ka, kb = keys(a[i], kind), keys(b.get(i, []), kind)
        m = sum((ka & kb).values())
        tp += m; fn += sum(ka.values()) - m; fp += sum(kb.values()) - m
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn

first_path, second_path = sys.argv[1], sys.argv[2]
ids = {json.loads(l)["id"] for l in open(second_path, encoding="utf-8")}
if len(sys.argv) > 3:
    ids = {json.loads(l)["id"] for l in open(sys.argv[3], encoding="utf-8")}
a = load(first_path, ids); b = load(second_path, ids)
print(f"{len(a)} sentences; first coder {sum(len(v) for v in a.values())} events, second {sum(len(v) for v in b.values())}")
for kind, name in (("root", "root code + source/target country"), ("full", "full code + full actor codes"), ("actors", "actors alone")):
    p, r, f, tp, fp, fn = score(a, b, kind)
    print(f"{name:36s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
