#!/usr/bin/env python3
"""Check the offsets of bench/claims/heldout2-quotes.tsv against fetched files.

Usage: check_labels.py FETCH_DIR [QUOTES_TSV]

FETCH_DIR is the directory given to fetch.sh. For every row, the bytes of
FETCH_DIR/<path> from <offset> on, with HTML tags removed, character entities
decoded and whitespace collapsed, must start with <opening>. Also checks the
column values. Exits 1 on any failure.
"""
import csv, html, os, re, sys

KINDS = {"full", "partial", "spanning"}
TYPES = {"person", "organisation", "unnamed", "none"}
CERT = {"certain", "probable"}


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


def visible(raw, off, n=4000):
    seg = raw[off:off + n].decode("utf-8", "replace")
    seg = re.sub(r"<[^>]*>", " ", seg)
    seg = html.unescape(seg.replace("&apos;", "'"))
    return norm(seg)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    root = sys.argv[1]
    tsv = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "heldout2-quotes.tsv")
    bad = 0
    n = 0
    cache = {}
    with open(tsv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            n += 1
            p = row["path"]
            if p not in cache:
                cache[p] = open(os.path.join(root, p), "rb").read()
            raw = cache[p]
            off = int(row["offset"])
            got = visible(raw, off)
            want = norm(row["opening"])
            problems = []
            # tags can split a word from its punctuation: compare without spaces too
            if not (got.startswith(want) or got.replace(" ", "").startswith(want.replace(" ", ""))):
                problems.append("opening mismatch: file has %r" % got[:60])
            if raw[off:off + 1] in (b"<", b" ", b"\n"):
                problems.append("offset is not on the first word")
            if row["kind"] not in KINDS:
                problems.append("kind")
            if row["speaker_type"] not in TYPES:
                problems.append("speaker_type")
            if row["certainty"] not in CERT:
                problems.append("certainty")
            if row["speaker_type"] in ("none", "unnamed") and row["speaker"]:
                problems.append("speaker given for none/unnamed")
            if row["speaker_type"] in ("person", "organisation") and not row["speaker"]:
                problems.append("speaker missing")
            if len(want.split()) > 6:
                problems.append("opening longer than six words")
            if problems:
                bad += 1
                print("%s\t%s\t%s\t%s" % (p, off, row["opening"], "; ".join(problems)))
    print("%d rows, %d with problems" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
