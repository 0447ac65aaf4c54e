#!/usr/bin/env bash
# Validate every HTML file under DIR with the Nu HTML checker (vnu.jar, errors only).
# usage: tools/vnu.sh DIR
# Prints each error; exit 0 when there is none, 1 when there are errors, 2 on usage/set-up problems.
set -euo pipefail

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$TOOLS_DIR/node_modules/vnu-jar/build/dist/vnu.jar"

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
DIR="$1"
[ -d "$DIR" ] || { echo "vnu.sh: $DIR is not a directory" >&2; exit 2; }
[ -f "$JAR" ] || { echo "vnu.sh: $JAR missing: run tools/deps.sh" >&2; exit 2; }
command -v java >/dev/null 2>&1 || { echo "vnu.sh: java missing: run tools/deps.sh" >&2; exit 2; }

count="$(find "$DIR" -type f \( -name '*.html' -o -name '*.htm' \) | wc -l)"
if [ "$count" -eq 0 ]; then
  echo "vnu.sh: FAIL: no HTML file under $DIR" >&2
  exit 1
fi

rc=0
# vnu writes its messages on stderr and exits 1 when it reports any error.
# -Xss: the checker's regular expressions need a larger stack on big pages.
java -Xss8m -jar "$JAR" --skip-non-html --errors-only --format gnu "$DIR" 2>&1 || rc=$?

if [ "$rc" -ne 0 ]; then
  echo "vnu: FAIL: errors in HTML under $DIR ($count HTML files checked)" >&2
  exit 1
fi
echo "vnu: OK: $count HTML files under $DIR, no error"
