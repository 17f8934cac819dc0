#!/usr/bin/env python3
"""Python peers on the article-extraction-benchmark data.

    peers.py DATA_DIR [--ours FILE]

Runs trafilatura and readability-lxml on every page, one page at a time on
one thread, timing only the extraction, and scores them with the
benchmark's shingle metric, computed here on its own (not shared with the
Rust code). Standard output carries one JSON object per line:

    {"kind": "page", "extractor", "id", "tp", "fp", "fn"}   one per page
    {"kind": "row", "extractor", "f1", "precision", "recall",
     "pages_per_sec", "pages", "errors"}                    one per peer
    {"kind": "check", ...}  with --ours: how far this metric is from the
                            Rust one on newsdesk's own predictions

--ours names a JSON file written by `newsdesk bench extract --peers`:
{"variants": [{"extractor", "summary": {"precision", "recall", "f1"},
"pages": {id: {"prediction", "tp", "fp", "fn"}}}]}.
"""

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

# The benchmark tokenises with Python's re and r"\w+" on str: letters,
# numbers and "_" by Unicode category, case kept.
WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text):
    """Multiset of the 4-token runs of `text`; one shorter run when the
    text has fewer tokens, none when it has no token."""
    words = WORD.findall(text or "")
    if not words:
        return Counter()
    if len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def page_fractions(truth, prediction):
    """(tp, fp, fn) of one page, each a share of their sum."""
    want = shingles(truth)
    got = shingles(prediction)
    shared = sum((want & got).values())
    extra = sum((got - want).values())
    missed = sum((want - got).values())
    total = shared + extra + missed
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (shared / total, extra / total, missed / total)


def page_precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)


def page_recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)


def summarise(scores):
    """Mean precision over pages with a prediction, mean recall over pages
    with a true body, and their harmonic mean."""
    precisions = [page_precision(*s) for s in scores if s[0] + s[1] > 0]
    recalls = [page_recall(*s) for s in scores if s[0] + s[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
}


def html_to_text(markup):
    """Plain text of an HTML fragment with lxml, one line per block, so
    that words of adjacent paragraphs are not glued together."""
    import lxml.html

    if not markup or not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def run_trafilatura(html):
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def run_readability(html):
    from readability import Document

    return html_to_text(Document(html).summary())


PEERS = [
    ("trafilatura", "trafilatura", run_trafilatura),
    ("readability-lxml", "readability-lxml", run_readability),
]


def read_pages(data_dir):
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf8"))
    pages = []
    for page_id in sorted(truth):
        path = data_dir / "html" / f"{page_id}.html.gz"
        with gzip.open(path, "rt", encoding="utf8") as f:
            pages.append((page_id, f.read(), truth[page_id].get("articleBody") or ""))
    return pages


def emit(record):
    print(json.dumps(record, ensure_ascii=False), flush=True)


def run_peers(pages):
    for name, dist, run in PEERS:
        label = f"{name} {version(dist)}"
        print(f"peers: running {label} on {len(pages)} pages", file=sys.stderr)
        # Import outside the timed region.
        run("<html><body><p>warm up</p></body></html>")
        scores, errors, spent = [], 0, 0.0
        for page_id, html, truth in pages:
            started = time.perf_counter()
            try:
                prediction = run(html)
            except Exception as error:  # a refused page scores as empty
                prediction = ""
                errors += 1
                print(f"peers: {label} failed on {page_id}: {error!r}", file=sys.stderr)
            spent += time.perf_counter() - started
            score = page_fractions(truth, prediction)
            scores.append(score)
            emit({"kind": "page", "extractor": label, "id": page_id,
                  "tp": score[0], "fp": score[1], "fn": score[2]})
        row = {"kind": "row", "extractor": label, **summarise(scores),
               "pages_per_sec": len(pages) / spent, "pages": len(pages), "errors": errors}
        emit(row)


def check_ours(pages, ours_path):
    """Scores newsdesk's predictions here and reports the largest gap to
    the Rust metric, per page and in the summary."""
    ours = json.loads(Path(ours_path).read_text(encoding="utf8"))
    truth_of = {page_id: truth for page_id, _, truth in pages}
    for variant in ours["variants"]:
        scores, page_gap = [], 0.0
        for page_id, truth in truth_of.items():
            given = variant["pages"][page_id]
            score = page_fractions(truth, given["prediction"])
            scores.append(score)
            rust = (given["tp"], given["fp"], given["fn"])
            page_gap = max(page_gap, *(abs(a - b) for a, b in zip(score, rust)))
        summary = summarise(scores)
        gaps = {key: abs(summary[key] - variant["summary"][key]) for key in ("precision", "recall", "f1")}
        emit({"kind": "check", "extractor": variant["extractor"], "pages": len(scores),
              "max_page_diff": page_gap, "max_summary_diff": max(gaps.values()),
              "python_f1": summary["f1"], "rust_f1": variant["summary"]["f1"]})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--ours", help="newsdesk's predictions to score here too")
    args = parser.parse_args()
    pages = read_pages(args.data_dir)
    if args.ours:
        check_ours(pages, args.ours)
    run_peers(pages)


if __name__ == "__main__":
    main()
