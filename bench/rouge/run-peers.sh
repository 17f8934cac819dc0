#!/usr/bin/env bash
# The Python peers of `newsdesk bench rouge --peers`.
#
# Usage: run-peers.sh CLUSTERS.json
#
# Creates (once) a virtualenv under target/bench-venv-rouge with the pinned
# packages of requirements.txt from PyPI, then runs peers.py, which prints
# JSON lines on standard output. Everything else goes to standard error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/bench-venv-rouge"

if [ ! -x "$venv/bin/python" ]; then
    echo "run-peers.sh: creating $venv" >&2
    python3 -m venv "$venv" >&2
fi
if ! cmp -s "$here/requirements.txt" "$venv/.requirements"; then
    echo "run-peers.sh: installing $(grep -v '^#' "$here/requirements.txt" | tr '\n' ' ')" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        -r "$here/requirements.txt" >&2
    cp "$here/requirements.txt" "$venv/.requirements"
fi

exec "$venv/bin/python" "$here/peers.py" "$@"
