#!/usr/bin/env bash
# make bench: the site's generator ("ours") against Hugo, Eleventy and the
# floor program on synthetic events, and against the floor on the real
# content. See bench/README.md for what is measured and how to read it.
#
# Run as root from anywhere (it installs missing tools and mounts a tmpfs):
#   bash bench/run.sh
#   BENCH_N="100 1000" BENCH_RUNS=5 bash bench/run.sh
set -euo pipefail
export LC_ALL=C.UTF-8
# Debian's hugo can pull in an older Go as /usr/bin/go: ours comes first.
export PATH="/usr/local/go/bin:$PATH"

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_N=${BENCH_N:-"100 1000 10000"}
BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_SEED=${BENCH_SEED:-20221017}
TOOLS=(ours ours+cards hugo eleventy floor floor+yaml+minify)
ELEVENTY_VERSION=3.1.8
ELEVENTY_DIR=$ROOT/bench/eleventy
ELEVENTY=$ELEVENTY_DIR/node_modules/.bin/eleventy

say() { printf '%s\n' "$*"; }

if [ "$(id -u)" != 0 ]; then
	say "bench/run.sh: run as root (it installs packages and mounts a tmpfs)" >&2
	exit 2
fi
case "$BENCH_RUNS" in '' | *[!0-9]* | 0)
	say "bench/run.sh: BENCH_RUNS must be a whole number of 1 or more" >&2
	exit 2
	;;
esac
for N in $BENCH_N; do
	case "$N" in '' | *[!0-9]* | 0)
		say "bench/run.sh: BENCH_N must list whole numbers of 1 or more, e.g. \"100 1000\"" >&2
		exit 2
		;;
	esac
done

# ---- tools -------------------------------------------------------------------
missing=()
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]} (Debian packages)"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
have=$(node -p "try { require('$ELEVENTY_DIR/node_modules/@11ty/eleventy/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have" != "$ELEVENTY_VERSION" ] || [ ! -x "$ELEVENTY" ]; then
	say "installing Eleventy $ELEVENTY_VERSION into bench/eleventy/node_modules (npm ci, from the lock file)"
	(cd "$ELEVENTY_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
GO=$(command -v go)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- a RAM file system for everything the builds read and write --------------
T=$(mktemp -d /tmp/bench.XXXXXX)
mount -t tmpfs -o size=8g,mode=0755 tmpfs "$T"
cleanup() {
	cd /
	umount "$T" 2>/dev/null || umount -l "$T" 2>/dev/null || true
	rmdir "$T" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$T/bin" "$T/res"

# What was built: the commit, and whether the tree differed from it then.
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then DIRTY=", with uncommitted changes"; fi
say "building the generator and the floor from the working tree ($($GO version | cut -d' ' -f3))"
"$GO" build -o "$T/bin/gen" ./gen
"$GO" build -o "$T/bin/floor" ./bench/floor
"$GO" build -o "$T/bin/synth" ./bench/synth

# ---- timing ------------------------------------------------------------------
# run TOOL DIR: one clean build of DIR's input by TOOL into DIR/out. The
# output is deleted first, outside the timed region. Sets WALL (ms, from a
# microsecond clock read around /usr/bin/time, whose %e has 10 ms steps),
# RSS (peak KiB, /usr/bin/time's %M), CPU (user + system ms, %U + %S) and
# E (%e, seconds); returns 1, printing the tool's output, on failure.
run() {
	local tool=$1 d=$2 t0 t1 cmd
	case $tool in
	# ours does what Hugo does (no share cards); ours+cards is the build as
	# published, which also draws a 1200×630 PNG card for every page.
	ours) cmd=("$T/bin/gen" build -q -no-cards -root "$d/ours" -out "$d/out") ;;
	ours+cards) cmd=("$T/bin/gen" build -q -root "${d}/ours" -out "$d/out") ;;
	real-ours) cmd=("$T/bin/gen" build -q -root "$d/ours" -out "$d/out") ;;
	hugo) cmd=(hugo --source "$d/hugo" --destination "$d/out" --minify --quiet) ;;
	eleventy) cmd=(env -C "$d/eleventy" "$ELEVENTY" --config=eleventy.config.mjs --input=. --output="$d/out" --quiet) ;;
	floor) cmd=("$T/bin/floor" -in "$d/hugo/content/events" -out "$d/out") ;;
	floor+yaml+minify) cmd=("$T/bin/floor" -yaml -minify -in "$d/hugo/content/events" -out "$d/out") ;;
	real-floor) cmd=("$T/bin/floor" -in "$d/real/content/events" -out "$d/out") ;;
	real-floor+yaml+minify) cmd=("$T/bin/floor" -yaml -minify -in "$d/real/content/events" -out "$d/out") ;;
	esac
	rm -rf "$d/out"
	t0=${EPOCHREALTIME/[.,]/}
	if ! /usr/bin/time -f '%e %M %U %S' -o "$T/time.out" "${cmd[@]}" >"$T/tool.log" 2>&1; then
		say "FAILED: $tool: ${cmd[*]}"
		sed -n '1,60p' "$T/tool.log" | sed 's/^/    /'
		sed 's/^/    time: /' "$T/time.out"
		return 1
	fi
	t1=${EPOCHREALTIME/[.,]/}
	WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
	read -r E RSS CPU < <(tail -n 1 "$T/time.out" | awk '{ printf "%s %s %.0f\n", $1, $2, ($3 + $4) * 1000 }')
}

# Result files hold one "wall-ms rss-KiB cpu-ms e-s" line per round.
# stats FILE COL: "median min max" of column COL (1 wall, 2 RSS, 3 CPU).
stats() {
	awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '
		{ v[NR] = $1 }
		END {
			if (NR == 0) { print "NA NA NA"; exit }
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			print m, v[1], v[NR]
		}'
}
med() { stats "$1" "$2" | cut -d' ' -f1; }
# pair A B COL: the lowest and highest ratio A/B within one round (the
# tools of a round run side by side), as "lo–hi".
pair() {
	paste -d' ' "$1" "$2" | awk -v c="$3" 'NF == 8 && $(c + 4) > 0 {
			r = $c / $(c + 4); if (k++ == 0 || r < lo) lo = r; if (k == 1 || r > hi) hi = r }
		END { if (k == 0) print "NA"; else printf "%.2f–%.2f\n", lo, hi }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || b == 0) print "NA"; else printf "%.2f", a / b }'; }
# rq A B COL: ratio of the medians, and the per-round range in brackets.
rq() {
	local r
	r=$(ratio "$(med "$1" "$3")" "$(med "$2" "$3")")
	if [ "$r" = NA ]; then say NA; else say "$r ($(pair "$1" "$2" "$3"))"; fi
}
mib() { awk -v k="$1" 'BEGIN { if (k == "NA") print "NA"; else printf "%.0f", k / 1024 }'; }
# cell FILE COL: "median (min–max)"; RSS in MiB.
cell() {
	local m lo hi
	read -r m lo hi < <(stats "$1" "$2")
	case $2 in
	1) read -r m lo hi < <(awk -v a="$m" -v b="$lo" -v c="$hi" 'BEGIN { if (a == "NA") print "NA NA NA"; else printf "%.1f %.1f %.1f\n", a, b, c }') ;;
	2) m=$(mib "$m") lo=$(mib "$lo") hi=$(mib "$hi") ;;
	esac
	if [ "$m" = NA ]; then say "failed"; else say "$m ($lo–$hi)"; fi
}
meets() { # meets VALUE LIMIT
	awk -v v="$1" -v l="$2" 'BEGIN { if (v == "NA") print "not measured"; else if (v <= l) print "meets"; else print "MISSES" }'
}

# bench LABEL DIR TOOL...: a warm-up run of each tool, then BENCH_RUNS
# rounds, each running every tool once, the order rotating from round to
# round. Results go to $T/res/LABEL.TOOL.
bench() {
	local label=$1 d=$2
	shift 2
	local tools=("$@") n=$# r i tool line
	local -A failed=()
	for tool in "${tools[@]}"; do
		: >"$T/res/$label.$tool"
		if run "$tool" "$d"; then
			say "  warm-up $tool: $WALL ms, $((RSS / 1024)) MiB, $(find "$d/out" -type f | wc -l) files written"
		else
			failed[$tool]=1
		fi
	done
	for ((r = 0; r < BENCH_RUNS; r++)); do
		line="  round $((r + 1))/$BENCH_RUNS:"
		for ((i = 0; i < n; i++)); do
			tool=${tools[$(((i + r) % n))]}
			[ -z "${failed[$tool]:-}" ] || continue
			if run "$tool" "$d"; then
				echo "$WALL $RSS $CPU $E" >>"$T/res/$label.$tool"
				line+=" $tool $WALL ms (cpu $CPU) $((RSS / 1024)) MiB;"
			else
				failed[$tool]=1
			fi
		done
		say "$line"
	done
	for tool in "${tools[@]}"; do
		say "  $tool: wall $(cell "$T/res/$label.$tool" 1) ms, cpu $(cell "$T/res/$label.$tool" 3) ms, peak RSS $(cell "$T/res/$label.$tool" 2) MiB"
	done
	rm -rf "$d/out"
}

# ---- synthetic events ----------------------------------------------------------
NS=()
for N in $BENCH_N; do
	D=$T/n$N
	say ""
	say "== N = $N events, both languages: $((2 * N)) event pages per tool =="
	"$T/bin/synth" -n "$N" -seed "$BENCH_SEED" -root "$ROOT" -out "$D"
	say "  content: $(find "$D/ours/content/events" -name '*.md' | wc -l) Markdown files for ours ($(du -sh "$D/ours/content/events" | cut -f1)), $(find "$D/hugo/content/events" -name '*.md' | wc -l) for Hugo and the floor, $(find "$D/eleventy" -name '*.md' | wc -l) for Eleventy"
	bench "n$N" "$D" "${TOOLS[@]}"
	rm -rf "$D"
	NS+=("$N")
done

# ---- the real site -------------------------------------------------------------
say ""
say "== the real site: ours against the floor =="
R=$T/realsite
mkdir -p "$R/ours"
cp -r "$ROOT/content" "$ROOT/layouts" "$ROOT/static" "$R/ours/"
"$T/bin/synth" -from-real "$ROOT" -out "$R" >/dev/null
REAL_EVENTS=$(find "$ROOT/content/events" -name '*.md' ! -name '*.*.md' | wc -l)
REAL_PAGES=$(find "$ROOT/content/pages" -name '*.md' ! -name '*.*.md' 2>/dev/null | wc -l)
say "  ours: $REAL_EVENTS events and $REAL_PAGES explainer pages, in 2 languages, and all its other pages; floor: the same events' Markdown"
bench real "$R" real-ours real-floor real-floor+yaml+minify
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report --------------------------------------------------------------------
say ""
say "## Results"
say ""
say "Whole-process clean builds on a tmpfs: medians of $BENCH_RUNS runs after one warm-up run per tool, the tools"
say "alternated; (min–max) in brackets. Every tool builds both languages: 2 × N event pages and an index per"
say "language. Ours also writes its facet pages, feeds, sitemap and assets, and validates and minifies; Hugo minifies;"
say "Eleventy and the floor do neither. floor+yaml+minify is the floor reading its front matter as YAML and minifying"
say "every page: the least a build that validates and minifies must do. CPU is user + system time, less sensitive than"
say "wall time to a busy machine."
say ""
say "| events | tool | wall time, ms | CPU time, ms | peak RSS, MiB |"
say "|---:|---|---:|---:|---:|"
for N in "${NS[@]}"; do
	for tool in "${TOOLS[@]}"; do
		f=$T/res/n$N.$tool
		say "| $N | $tool | $(cell "$f" 1) | $(cell "$f" 3) | $(cell "$f" 2) |"
	done
done
for tool in real-ours real-floor real-floor+yaml+minify; do
	f=$T/res/real.$tool
	say "| real site | ${tool#real-} | $(cell "$f" 1) | $(cell "$f" 3) | $(cell "$f" 2) |"
done

say ""
say "Ratios of the medians; in brackets the lowest and highest ratio within one round (tools run side by side)."
say ""
say "| events | ours/Hugo wall | ours/Hugo CPU | ours/Hugo memory | ours+cards/Hugo wall | ours+cards/Hugo memory | ours/floor wall | ours/floor+yaml+minify wall | ours/Eleventy wall | floor+yaml+minify/Hugo wall | floor+yaml+minify/floor wall |"
say "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A TH MH TF LH LF TL
for N in "${NS[@]}"; do
	p=$T/res/n$N
	TH[$N]=$(ratio "$(med "$p.ours" 1)" "$(med "$p.hugo" 1)")
	TL[$N]=$(ratio "$(med "$p.ours" 1)" "$(med "$p.floor+yaml+minify" 1)")
	MH[$N]=$(ratio "$(med "$p.ours" 2)" "$(med "$p.hugo" 2)")
	TF[$N]=$(ratio "$(med "$p.ours" 1)" "$(med "$p.floor" 1)")
	LH[$N]=$(ratio "$(med "$p.floor+yaml+minify" 1)" "$(med "$p.hugo" 1)")
	LF[$N]=$(ratio "$(med "$p.floor+yaml+minify" 1)" "$(med "$p.floor" 1)")
	say "| $N | $(rq "$p.ours" "$p.hugo" 1) | $(rq "$p.ours" "$p.hugo" 3) | $(rq "$p.ours" "$p.hugo" 2) | $(rq "$p.ours+cards" "$p.hugo" 1) | $(rq "$p.ours+cards" "$p.hugo" 2) | $(rq "$p.ours" "$p.floor" 1) | $(rq "$p.ours" "$p.floor+yaml+minify" 1) | $(rq "$p.ours" "$p.eleventy" 1) | $(rq "$p.floor+yaml+minify" "$p.hugo" 1) | $(rq "$p.floor+yaml+minify" "$p.floor" 1) |"
done
p=$T/res/real
REAL=$(ratio "$(med "$p.real-ours" 1)" "$(med "$p.real-floor" 1)")
LREAL=$(ratio "$(med "$p.real-floor+yaml+minify" 1)" "$(med "$p.real-floor" 1)")
say "| real site | | | | | | $(rq "$p.real-ours" "$p.real-floor" 1) | $(rq "$p.real-ours" "$p.real-floor+yaml+minify" 1) | | | $(rq "$p.real-floor+yaml+minify" "$p.real-floor" 1) |"

PER=NA PERCPU=NA
if [ -n "${TH[1000]:-}" ] && [ -n "${TH[10000]:-}" ]; then
	per() { awk -v a="$(med "$T/res/n$1.ours" "$2")" -v n="$1" 'BEGIN { if (a == "NA") print "NA"; else printf "%.3f", a / n }'; }
	PER=$(ratio "$(per 10000 1)" "$(per 1000 1)")
	PERCPU=$(ratio "$(per 10000 3)" "$(per 1000 3)")
	say ""
	say "Ours, wall time per event: $(per 1000 1) ms at 1 000 events, $(per 10000 1) ms at 10 000 (ratio $PER);"
	say "CPU time per event: $(per 1000 3) ms and $(per 10000 3) ms (ratio $PERCPU)."
fi

say ""
say "### Targets (on wall time and peak memory)"
say ""
say "The last two columns give the same ratio for floor+yaml+minify, where it applies: a time target that this program"
say "misses cannot be met by a build that reads YAML and minifies, on this machine."
say ""
say "| target | ours | | floor+yaml+minify | |"
say "|---|---:|---|---:|---|"
say "| 1 000 events: ≤ 0.75 × Hugo's wall time | ${TH[1000]:-NA} | $(meets "${TH[1000]:-NA}" 0.75) | ${LH[1000]:-NA} | $(meets "${LH[1000]:-NA}" 0.75) |"
say "| 1 000 events: ≤ 1.3 × floor+yaml+minify's wall time | ${TL[1000]:-NA} | $(meets "${TL[1000]:-NA}" 1.3) | | |"
say "| 10 000 events: ≤ 0.75 × Hugo's wall time | ${TH[10000]:-NA} | $(meets "${TH[10000]:-NA}" 0.75) | ${LH[10000]:-NA} | $(meets "${LH[10000]:-NA}" 0.75) |"
say "| 10 000 events: peak memory ≤ 1/4 of Hugo's | ${MH[10000]:-NA} | $(meets "${MH[10000]:-NA}" 0.25) | | |"
say "| wall time per event at 10 000 ≤ 1.3 × at 1 000 | $PER | $(meets "$PER" 1.3) | | |"
say ""
say "### Machine"
say ""
say "- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) of memory; Linux $(uname -r)"
say "- load average (1, 5, 15 min): $LOAD_START at the start, $LOAD_END at the end"
say "- $($GO version); $(hugo version | cut -d' ' -f1-2); Eleventy $("$ELEVENTY" --version) on Node.js $(node --version)"
say "- ours built from the working tree at commit $COMMIT$DIRTY"
say "- builds ran on tmpfs (a RAM file system mounted at $T), input and output; wall time from a microsecond clock"
say "  around /usr/bin/time, peak RSS and CPU time from its %M, %U and %S"
