#!/usr/bin/env bash
# The site's search index: Pagefind, pinned in tools/search/package.json and
# installed there when missing, run over the built folder given as the only
# argument (gen build -then runs it on the new folder, before it replaces the
# old one). It writes DIR/pagefind/: the index, split by language and in
# pieces, and the script the search page loads.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/search.sh DIR" >&2; exit 2; }
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/search" && pwd)"
stamp="$dir/node_modules/.stamp"
if [ ! -x "$dir/node_modules/.bin/pagefind" ] || [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
  touch "$stamp"
fi
exec "$dir/node_modules/.bin/pagefind" --site "$1" --silent
