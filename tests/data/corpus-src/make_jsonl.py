#!/usr/bin/env python3
"""Regenerates the JSONL files of the dyad test corpus from the article sources here (run: python3 tests/data/corpus-src/make_jsonl.py).

wire-a.jsonl is written as raw UTF-8; wire-b.jsonl with \\uXXXX escapes, so that the
reader sees both spellings. The Niger article is written to both files (identical
fields), which the ingest stage must store once. bad/mixed-lines.jsonl interleaves three
valid articles with lines that must be rejected (see tests/data/corpus/README.md).
"""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(os.path.dirname(here), "corpus")
sys.path.insert(0, here)
import articles_a, articles_b, articles_bad_valid

FIELDS = ["id", "date", "title", "text", "url", "source"]

def line(a, ascii_only):
    return json.dumps({k: a[k] for k in FIELDS}, ensure_ascii=ascii_only)


with open(os.path.join(root, "jsonl", "wire-a.jsonl"), "w", encoding="utf-8", newline="\n") as f:
    rows = list(articles_a.ARTICLES)
    rows.insert(4, articles_b.NIGER)  # the duplicate, mid-file
    for a in rows:
        f.write(line(a, False) + "\n")
with open(os.path.join(root, "jsonl", "wire-b.jsonl"), "w", encoding="utf-8", newline="\n") as f:
    for a in articles_b.ARTICLES:
        f.write(line(a, True) + "\n")

v = articles_bad_valid.ARTICLES
bad = [
    line(v[0], False),                                                   # 1 valid
    '{"id": "bad-02", "date": "2023-10-09", "title": "Malformed" "text": "A comma is missing before this key."}',  # 2 malformed
    json.dumps({"id": "bad-03", "title": "No date", "text": "This article has no date field at all, so it cannot be placed in time.", "url": "https://example.org/x/3", "source": "Levant Newsline"}),  # 3 missing date
    line(v[1], False),                                                   # 4 valid
    json.dumps({"id": "bad-05", "date": "2023-10-10", "title": "Empty text", "text": "", "url": "https://example.org/x/5", "source": "Levant Newsline"}),  # 5 empty text
    json.dumps({"id": "bad-06", "date": "2023-02-30", "title": "Impossible date", "text": "February never has thirty days, so this date must be refused.", "url": "https://example.org/x/6", "source": "Levant Newsline"}),  # 6 bad date
    json.dumps(["2023-10-11", "An array is not an article object."]),  # 7 array
    line(v[2], False),                                                   # 8 valid
]
truncated = '{"id": "bad-09", "date": "2023-08-01", "title": "Half written", "text": "The writer stopped in the mid'  # 9, no newline
with open(os.path.join(root, "bad", "mixed-lines.jsonl"), "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(bad) + "\n" + truncated)
