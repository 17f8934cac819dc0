#!/usr/bin/env bash
# Runs the Python peers (trafilatura, readability-lxml) on the
# article-extraction-benchmark data and prints one JSON object per line on
# standard output; everything else goes to standard error.
#
#   bench/extract/run-peers.sh DATA_DIR [--ours FILE]
#
# The virtualenv lives under target/bench-venv (build output, never part of
# the product) and is made again when the pinned requirements change.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/bench-venv"
python="${PYTHON:-python3}"

# Pinned so that figures are comparable from run to run.
requirements=(
    "trafilatura==2.3.1"
    "readability-lxml==0.9"
    "lxml_html_clean==0.4.6"
)
stamp="$venv/.requirements"
wanted="$(printf '%s\n' "${requirements[@]}")"

if [[ ! -x "$venv/bin/python" ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
    echo "run-peers: making the virtualenv in $venv" >&2
    rm -rf "$venv"
    "$python" -m venv "$venv" >&2
    # An older pip's resolver trips over lxml's extras, which readability-lxml asks for.
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}" >&2
    printf '%s\n' "$wanted" >"$stamp"
fi

exec "$venv/bin/python" "$here/peers.py" "$@"
