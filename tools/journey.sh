#!/usr/bin/env bash
# A journalist's first event, replayed against the real commands (make new, make check, gen check -strict) in a
# copy of the repository: a new authority, a context event related to the IMY's fine, and three mistakes made on
# purpose (an amount written "2,5 millions", a date that is not the file name's, a kind in French). Each mistake's
# message must name its fix, the editor's own files must come first, every run must end with gen check's summary
# line and never with make's own error lines, and the finished event must pass gen check -strict.
#
# usage: bash tools/journey.sh        (from anywhere; it works in a temporary copy and removes it)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The journalist runs make from a shell: not as a sub-make of make test, which would print its
# "Entering directory" lines around every run.
unset MAKELEVEL MAKEFLAGS MFLAGS MAKEOVERRIDES
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail=0
step() { printf '\njourney: %s\n' "$*"; }
problem() { echo "journey: FAIL: $*"; fail=1; }
# expect OUTPUT TEXT…: each text must be in the output.
expect() {
  local out="$1"; shift
  for want in "$@"; do
    grep -qF -- "$want" <<<"$out" || problem "no \"$want\" in:
$out"
  done
}
# ends_well OUTPUT: the last line is gen's own, and make added nothing after it.
ends_well() {
  local out="$1" last
  last="$(tail -n 1 <<<"$out")"
  case "$last" in
    "gen check: "* | "gen new: "*) ;;
    *) problem "the run does not end with gen's own line, but with: $last" ;;
  esac
  if grep -qE '^make(\[[0-9]+\])?: \*\*\*|^exit status [0-9]' <<<"$out"; then problem "make's or go's error lines:
$out"; fi
}

# A copy of the project as a fresh clone would have it, on a branch of its own.
cd "$ROOT"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && mkdir -p "$WORK/$(dirname "$f")" && cp -p "$f" "$WORK/$f"
done
cd "$WORK"
g() { git -c user.name=Journalist -c user.email=journalist@example.org "$@"; }
g init -q -b main && g add -A && g commit -qm "The timeline as published"
g switch -q -c stockholm-appeal

step "make check on a clean tree"
out="$(make check 2>&1)" || problem "make check failed on a clean tree"
ends_well "$out"
expect "$out" "gen check: ok: "
if grep -q "warning:" <<<"$out"; then problem "warnings on a clean tree:
$out"; fi
bin/gen check -strict >/dev/null 2>&1 || problem "gen check -strict fails on a clean tree"

step "make new with an authority the site does not have"
args=(DATE=2021-11-04 COUNTRY=SE AUTHORITY=kammarratten-stockholm KIND=ruling SLUG=kammarratten-police-suede)
out="$(make new "${args[@]}" 2>&1)" || problem "make new stopped make"
if grep -qE '^make(\[[0-9]+\])?: \*\*\*|^exit status [0-9]' <<<"$out"; then problem "make's or go's error lines:
$out"; fi
expect "$out" '"kammarratten-stockholm" is not in content/data/authorities.yaml' "kammarratten-stockholm:" "country: SE"
[ ! -e content/events/2021-11-04-kammarratten-police-suede.md ] || problem "make new wrote the event all the same"
# The entry it printed, filled in, goes at the end of the authorities' file.
sed -n '/^kammarratten-stockholm:/,$p' <<<"$out" \
  | sed -e '0,/    fr: "…"/s//    fr: "Kammarrätten i Stockholm (cour administrative d'\''appel de Stockholm)"/' \
        -e '0,/    en: "…"/s//    en: "Kammarrätten i Stockholm (Administrative Court of Appeal in Stockholm)"/' \
        -e 's/^  abbr:.*/  abbr:/' -e '/^    [a-z][a-z]: "…"$/d' >>content/data/authorities.yaml
out="$(make new "${args[@]}" 2>&1)" || problem "make new failed"
ends_well "$out"
expect "$out" "gen new: wrote content/events/2021-11-04-kammarratten-police-suede.md"
FR=content/events/2021-11-04-kammarratten-police-suede.md
EN=content/events/2021-11-04-kammarratten-police-suede.en.md

step "filling the event in, with three mistakes"
# The journalist's edits: an amount with a comma, kind in French, the date of the report instead of the ruling's.
sed -i \
  -e 's/^date: 2021-11-04 /date: 2021-11-05 /' \
  -e 's/^kind: ruling /kind: arrêt /' \
  -e 's/^context: false /context: true /' \
  -e 's/^related: \[\] .*/related:\n  - 2021-02-11-imy-police-suede/' \
  -e 's/^amount: .*/amount: {value: 2,5 millions, currency: SEK}/' \
  -e 's|https://example.org/replace-me|https://example.org/kammarratten/mal-0000-21|' \
  -e 's/^    title: "Titre de la source"/    title: "Dom i mål nr 0000-21"/' \
  -e 's/^    publisher: "Éditeur"/    publisher: Kammarrätten i Stockholm/' \
  -e 's/^    language: fr /    language: sv /' \
  -e 's/^    primary: false /    primary: true /' \
  -e 's/^status: pending /status: final /' \
  -e 's/^no_findings: /no_findings: procedure /' \
  -e 's/^confirmation: unconfirmed /confirmation: decision-text /' \
  -e 's/^draft: true /draft: false /' \
  -e "s/^title: .*/title: \"Suède : la cour administrative d'appel confirme l'amende de la police (essai)\"/" \
  -e 's/^summary: .*/summary: "Un événement d'"'"'essai, jamais publié."/' \
  -e '/^#  /d' "$FR"
sed -i -e 's/^title: .*/title: "Sweden: the appeal court upholds the police fine (a test)"/' \
  -e 's/^summary: .*/summary: "A test event, never published."/' "$EN"

out="$(make check 2>&1)" || problem "make check stopped make"
ends_well "$out"
first="$(grep -m1 '^content/' <<<"$out" || true)"
case "$first" in "$FR:"*) ;; *) problem "the editor's file does not come first: $first" ;; esac
expect "$out" \
  "amount.value: a comma split the number: 2,5 millions reads as 2 and a field \"5 millions\"; expected the whole number in plain digits, e.g. 2500000 for 2,5 millions" \
  "kind: \"arrêt\" is not allowed; expected one of:" "(for \"arrêt\" write ruling)" \
  "gen check: not publishable: 2 errors and 1 warning in your 3 files"
expect "$out" "date: 2021-11-05 is not the date the file name begins with (2021-11-04-kammarratten-police-suede); expected the file named 2021-11-05-…md"

step "the fixes the messages name"
sed -i -e 's/^amount: .*/amount:\n  value: 2500000\n  currency: SEK/' -e 's/^kind: arrêt /kind: ruling /' -e 's/^date: 2021-11-05 /date: 2021-11-04 /' "$FR"
out="$(make check 2>&1)" || problem "make check stopped make"
ends_well "$out"
expect "$out" "gen check: ok: no problem in your 3 files"
out="$(bin/gen check -strict 2>&1)" || problem "gen check -strict fails on the finished event:
$out"
expect "$out" "gen check: ok: no problem in your 3 files"

if [ "$fail" -ne 0 ]; then
  echo "journey: FAILED"
  exit 1
fi
echo "journey: ok: a new authority, a context event, three mistakes each named with its fix, and a clean check"
