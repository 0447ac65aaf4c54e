#!/usr/bin/env bash
# Idempotent set-up of the test tooling on a Debian 12 machine (run as root).
# Installs, only when missing: chromium, a Java runtime, a font; then runs
# `npm ci` in tools/ when node_modules is missing or older than package-lock.json.
# Quiet when everything is already in place. Exits non-zero on failure.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STAMP="$TOOLS_DIR/node_modules/.deps-stamp"

die() { echo "deps.sh: ERROR: $*" >&2; exit 1; }
trap 'echo "deps.sh: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

have_fonts() {
  local d
  for d in /usr/share/fonts /usr/local/share/fonts; do
    [ -d "$d" ] || continue
    if [ -n "$(find "$d" -type f \( -name '*.ttf' -o -name '*.otf' -o -name '*.ttc' \) -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

# ---- Debian packages -------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v git >/dev/null 2>&1 || missing+=(git)   # netlify-config.sh needs `git init`
# chromium pulls fontconfig-config, which normally brings fonts-dejavu-core;
# checked again after the install below.
have_fonts || missing+=(fonts-dejavu-core)

apt_updated=0
apt_install() {
  [ "$(id -u)" -eq 0 ] || die "need root to install Debian packages: $*"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: $*"
  if [ "$apt_updated" -eq 0 ]; then
    echo "deps.sh: apt-get update" >&2
    apt-get update -qq || die "apt-get update failed"
    apt_updated=1
  fi
  echo "deps.sh: apt-get install $*" >&2
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}

if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi
if ! have_fonts; then
  apt_install fonts-dejavu-core
fi

[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is still missing"
command -v java >/dev/null 2>&1 || die "java is still missing"
have_fonts || die "no font found under /usr/share/fonts"

# ---- npm packages ----------------------------------------------------------
command -v node >/dev/null 2>&1 || die "node not found (node 20 expected)"
command -v npm >/dev/null 2>&1 || die "npm not found"
[ -f "$TOOLS_DIR/package-lock.json" ] || die "$TOOLS_DIR/package-lock.json missing"

if [ ! -d "$TOOLS_DIR/node_modules" ] || [ ! -f "$STAMP" ] \
   || [ "$TOOLS_DIR/package-lock.json" -nt "$STAMP" ] \
   || [ "$TOOLS_DIR/package.json" -nt "$STAMP" ]; then
  echo "deps.sh: npm ci in $TOOLS_DIR" >&2
  # --ignore-scripts: the only install script (vnu-jar's) would try to download
  # a Java runtime, which is not needed: the system Java is used.
  log="$(mktemp)"
  if ! (cd "$TOOLS_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    die "npm ci failed"
  fi
  rm -f "$log"
  for f in node_modules/.bin/playwright node_modules/@axe-core/playwright/package.json node_modules/axe-core/axe.min.js \
           node_modules/vnu-jar/build/dist/vnu.jar \
           node_modules/.bin/netlify-config node_modules/@netlify/headers/dist/main.js \
           node_modules/@netlify/headers-parser/lib/index.js \
           node_modules/@sveltia/cms/dist/sveltia-cms.js node_modules/@sveltia/cms/schema/sveltia-cms.json \
           node_modules/ajv/package.json node_modules/yaml/package.json; do
    [ -e "$TOOLS_DIR/$f" ] || die "npm ci did not produce tools/$f"
  done
  touch "$STAMP"
fi
