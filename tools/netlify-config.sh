#!/usr/bin/env bash
# Resolve netlify.toml with Netlify's own config parser (@netlify/config, offline)
# and fail on any warning or error it prints.
#
# usage: tools/netlify-config.sh [--out FILE] [PATH/TO/netlify.toml]
#   default file: netlify.toml at the repository root
#   default out:  test-output/netlify-config.json (under the repository root)
set -euo pipefail

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$TOOLS_DIR/.." && pwd)"
BIN="$TOOLS_DIR/node_modules/.bin/netlify-config"
OUT="$ROOT/test-output/netlify-config.json"
TOML="$ROOT/netlify.toml"

while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --out=*) OUT="${1#--out=}"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) echo "netlify-config.sh: unknown option $1" >&2; exit 2 ;;
    *) TOML="$1"; shift ;;
  esac
done

[ -x "$BIN" ] || { echo "netlify-config.sh: $BIN missing: run tools/deps.sh" >&2; exit 2; }
[ -f "$TOML" ] || { echo "netlify-config.sh: FAIL: $TOML not found" >&2; exit 1; }
command -v git >/dev/null 2>&1 || { echo "netlify-config.sh: git is required" >&2; exit 2; }

TOML="$(cd "$(dirname "$TOML")" && pwd)/$(basename "$TOML")"
mkdir -p "$(dirname "$OUT")"
OUT="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$TOML" "$tmp/netlify.toml"
git -C "$tmp" init -q

rc=0
(cd "$tmp" && "$BIN" --offline) >"$OUT" 2>"$tmp/stderr" || rc=$?

# Show paths as in the repository, not in the temporary copy.
srcdir="$(dirname "$TOML")"
node -e '
  const fs = require("fs"), [tmp, src, ...files] = process.argv.slice(1);
  for (const f of files) fs.writeFileSync(f, fs.readFileSync(f, "utf8").split(tmp).join(src));
' "$tmp" "$srcdir" "$OUT" "$tmp/stderr"

# netlify-config pads its messages with zero-width spaces: drop them and blank lines.
stderr_text="$(sed -e 's/\xe2\x80\x8b//g' "$tmp/stderr" | grep -v '^[[:space:]]*$' || true)"

if [ "$rc" -ne 0 ] || [ -n "$stderr_text" ]; then
  echo "netlify-config.sh: FAIL: $TOML (netlify-config exit code $rc)" >&2
  [ -z "$stderr_text" ] || printf '%s\n' "$stderr_text" >&2
  exit 1
fi

# stdout must be the resolved config as JSON; print a short summary of it.
if ! node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).config || {};
  const b = c.build || {};
  console.log(`netlify-config: OK: build.command=${JSON.stringify(b.command)} publish=${JSON.stringify(b.publish)} ` +
    `environment=${Object.keys(b.environment || {}).length} headers=${(c.headers || []).length} redirects=${(c.redirects || []).length}`);
' "$OUT"; then
  echo "netlify-config.sh: FAIL: output is not the expected JSON ($OUT)" >&2
  exit 1
fi
echo "netlify-config: resolved config written to $OUT"
