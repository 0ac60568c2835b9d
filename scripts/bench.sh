#!/usr/bin/env bash
# Benchmarks goconcheck against its floor, go vet and staticcheck on the
# same packages, and prints wall time, CPU time and peak memory of each.
#
#   bash scripts/bench.sh                  # raft, zap and the std set
#   bash scripts/bench.sh raft             # one corpus module
#   bash scripts/bench.sh -analyzers raft  # per-analyzer cost (Go benchmarks)
#
# Targets are corpus module names (corpus/modules.txt; each is fetched as
# the only dependency of its own scratch module, as scripts/corpus.sh
# does) or "std" ($BENCH_STD, default net/http/... context sync os/exec).
# Every tool analyses the target's patterns, tests included:
#
#   goconcheck      goconcheck -json <patterns>      (standalone, in process)
#   vet-goconcheck  go vet -vettool=goconcheck -json <patterns>
#   vet             go vet -json <patterns>          (plain go vet)
#   staticcheck     staticcheck -f json <patterns>   (default checks)
#   floor           ssafloor <patterns>              (standalone floor)
#   vet-floor       go vet -vettool=ssafloor -json <patterns>
#   floor-packages  ssafloor -packages <patterns>    (go/packages floor)
#   multichecker    (only if listed in BENCH_TOOLS) the suite under x/tools'
#                   multichecker, goconcheck's first standalone driver
#
# The floor (internal/devtools/ssafloor) is goconcheck's own driver with one
# analyzer that requires what goconcheck's analyzers require (SSA, the
# syntax inspector) and does nothing: it loads, type-checks and builds
# SSA for the same packages goconcheck visits (every dependency, for
# facts), so goconcheck / floor is what the analyzers add. vet-floor is
# the same analyzer as a go vet tool, the floor of vet-goconcheck.
# floor-packages does the same in one process from go/packages
# LoadAllSyntax, keeping everything, as x/tools' checker must: it is
# the "before" of the memory story.
#
# Caches, and what cold and warm mean:
#
#   cold  Dependencies' export data already built, no analysis result
#         cached: compilation is not analysis. Before every cold run the
#         tool's GOCACHE is replaced by a copy of a template cache made
#         once per target with `go list -export -deps -test <patterns>`
#         (which compiles exactly what go vet needs: with it, go vet runs
#         no compiler), and STATICCHECK_CACHE and GOCONCHECK_CACHE by an
#         empty directory. So go vet's result cache (vet-goconcheck, vet,
#         vet-floor), staticcheck's and goconcheck's own (goconcheck,
#         floor) are all defeated, as the spec asks: every tool
#         type-checks and analyzes everything it needs.
#   warm  Run again with the caches the cold runs left: nothing changed,
#         so every tool replays its cached results. floor-packages and
#         multichecker have no cache: they cost what they did cold and
#         are not run warm.
#   empty (only if listed in BENCH_MODES) empty GOCACHE too: compilation
#         of every dependency included.
#
# Every number is the median of BENCH_N runs (default 3), measured by
# internal/devtools/benchrun: wall time; CPU time, user+sys of the whole
# process tree (go vet's vet processes and compilers included); peak
# RSS, the largest single process of the tree as GNU time reports it
# (for go vet: the largest vet tool process or the go command). The
# machine is shared: compare CPU more than wall, and rerun for noise.
#
# Environment: BENCH_N (3), BENCH_MODES ("cold warm"; also "empty"),
# BENCH_TOOLS (all seven above), BENCH_STD, GOCONCHECK_BENCH (scratch and
# results directory, default .scratch/bench). Results: one TSV per
# target in $GOCONCHECK_BENCH/<target>.tsv and the tables on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${GOCONCHECK_BENCH:-$root/.scratch/bench}
n=${BENCH_N:-3}
modes=${BENCH_MODES:-cold warm}
tools=${BENCH_TOOLS:-goconcheck vet-goconcheck vet staticcheck floor vet-floor floor-packages}
std_patterns=${BENCH_STD:-net/http/... context sync os/exec}
# staticcheck 2026.2.2 is module version v0.8.2, the newest on the proxy.
staticcheck_version=v0.8.2

analyzers=false
if [ "${1:-}" = -analyzers ]; then
	analyzers=true
	shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(raft zap std)

bin=$work/bin
mkdir -p "$bin"
# The scratch modules have no go.sum until the go command writes one.
modflags="-mod=mod ${GOFLAGS:-}"

# setup target: sets dir and patterns (an array) for a target, creating
# its scratch module (the same as scripts/corpus.sh's) if needed.
setup() {
	local name=$1 mod version rest
	dir=$work/$name
	mkdir -p "$dir"
	if [ "$name" = std ]; then
		printf 'module goconcheck.bench/std\n\ngo 1.26\n' >"$dir/go.mod"
		read -r -a patterns <<<"$std_patterns"
		return
	fi
	read -r _ mod version rest < <(awk -v n="$name" '$1 == n' corpus/modules.txt) || {
		echo "bench: no module $name in corpus/modules.txt" >&2
		exit 2
	}
	read -r -a patterns <<<"$rest"
	printf 'module goconcheck.corpus/%s\n\ngo 1.26\n\nrequire %s %s\n' "$name" "$mod" "$version" >"$dir/go.mod"
	rm -f "$dir/go.sum"
	(cd "$dir" && export GOFLAGS=$modflags && go mod download "$mod" && go list -m "$mod" >/dev/null)
}

if $analyzers; then
	for t in "${targets[@]}"; do
		setup "$t"
		echo "== $t: per-analyzer cost (${patterns[*]})"
		go test -c -o "$bin/bench.test" ./internal/devtools/bench
		(cd "$dir" && GOFLAGS=$modflags GOCONCHECK_BENCH_DIR=$dir GOCONCHECK_BENCH_PATTERNS="${patterns[*]}" \
			"$bin/bench.test" -test.run '^$' -test.bench . -test.benchtime 1x -test.count "$n") |
			tee "$work/$t.analyzers.txt"
	done
	exit 0
fi

go build -o "$bin/goconcheck" ./cmd/goconcheck
go build -o "$bin/ssafloor" ./internal/devtools/ssafloor
go build -o "$bin/benchrun" ./internal/devtools/benchrun
if [[ " $tools " = *" multichecker "* ]]; then
	mkdir -p "$root/.scratch/bench-multichecker"
	printf '%s\n' '// Generated by scripts/bench.sh: the suite under multichecker.' 'package main' '' \
		'import (' '	"golang.org/x/tools/go/analysis/multichecker"' '' \
		'	"github.com/goconcheck/goconcheck/analyzers"' ')' '' \
		'func main() { multichecker.Main(analyzers.All()...) }' >"$root/.scratch/bench-multichecker/main.go"
	go build -o "$bin/multichecker" ./.scratch/bench-multichecker
fi
if ! "$bin/staticcheck" -version 2>/dev/null | grep -q "($staticcheck_version)"; then
	GOBIN=$bin go install "honnef.co/go/tools/cmd/staticcheck@$staticcheck_version"
fi

# toolcmd tool: the command line of a tool, into cmd (an array).
toolcmd() {
	case $1 in
	goconcheck) cmd=("$bin/goconcheck" -json) ;;
	vet-goconcheck) cmd=(go vet "-vettool=$bin/goconcheck" -json) ;;
	vet) cmd=(go vet -json) ;;
	staticcheck) cmd=("$bin/staticcheck" -f json) ;;
	floor) cmd=("$bin/ssafloor") ;;
	vet-floor) cmd=(go vet "-vettool=$bin/ssafloor" -json) ;;
	floor-packages) cmd=("$bin/ssafloor" -packages) ;;
	multichecker) cmd=("$bin/multichecker" -json) ;;
	*)
		echo "bench: unknown tool $1" >&2
		exit 2
		;;
	esac
	cmd+=("${patterns[@]}")
}

# measure target mode tool: benchrun's TSV line for one tool and mode.
measure() {
	local target=$1 mode=$2 tool=$3
	local cache=$work/cache/$target/$tool sc=$work/cache/$target/$tool.staticcheck
	local tmpl=$work/cache/$target/template prep=
	case $mode in
	cold) prep="rm -rf '$cache' '$sc' && cp -a '$tmpl' '$cache' && mkdir -p '$sc'" ;;
	empty) prep="rm -rf '$cache' '$sc' && mkdir -p '$cache' '$sc'" ;;
	warm)
		# Warm up with the caches as they are, untimed (after cold
		# runs this is already the case; it matters when alone).
		[ -d "$cache" ] || prep="cp -a '$tmpl' '$cache' && mkdir -p '$sc'"
		;;
	esac
	toolcmd "$tool"
	local run=("$bin/benchrun" -tsv -ok 0,1,3 -label "$mode $tool" -out "$work/$target.$tool.out")
	if [ "$mode" = warm ]; then
		(cd "$dir" && "${run[@]}" -n 1 ${prep:+-prep "$prep"} -- env GOFLAGS="$modflags" GOCACHE="$cache" STATICCHECK_CACHE="$sc" GOCONCHECK_CACHE="$sc" "${cmd[@]}") >/dev/null 2>&1
		prep=
	fi
	(cd "$dir" && "${run[@]}" -n "$n" ${prep:+-prep "$prep"} -- env GOFLAGS="$modflags" GOCACHE="$cache" STATICCHECK_CACHE="$sc" GOCONCHECK_CACHE="$sc" "${cmd[@]}") 2>>"$work/$target.log"
}

# table target: the results of a target as a table, with the ratios.
table() {
	awk -F'\t' -v modes="$modes" '
	{ split($1, k, " "); wall[k[1], k[2]] = $2; cpu[k[1], k[2]] = $3; rss[k[1], k[2]] = $4
	  if (!(k[2] in seen)) { seen[k[2]] = 1; order[++nt] = k[2] } }
	function ratio(a, b) { return b > 0 && a != "" ? sprintf("%.2fx", a / b) : "-" }
	function line(m, name, a, b) {
		if (wall[m, a] == "" || wall[m, b] == "") return
		printf "  %-32s wall %7s   cpu %7s   rss %7s\n", name, ratio(wall[m, a], wall[m, b]), ratio(cpu[m, a], cpu[m, b]), ratio(rss[m, a], rss[m, b])
	}
	END {
		nm = split(modes, ms, " ")
		for (i = 1; i <= nm; i++) {
			m = ms[i]
			printf "%-6s %-16s %9s %9s %9s\n", m, "tool", "wall s", "cpu s", "rss MiB"
			for (j = 1; j <= nt; j++) if (wall[m, order[j]] != "")
				printf "%-6s %-16s %9s %9s %9s\n", "", order[j], wall[m, order[j]], cpu[m, order[j]], rss[m, order[j]]
			line(m, "goconcheck / floor", "goconcheck", "floor")
			line(m, "goconcheck / staticcheck", "goconcheck", "staticcheck")
			line(m, "vet-goconcheck / vet", "vet-goconcheck", "vet")
			line(m, "vet-goconcheck / vet-floor", "vet-goconcheck", "vet-floor")
			line(m, "floor-packages / floor", "floor-packages", "floor")
			line(m, "multichecker / goconcheck", "multichecker", "goconcheck")
		}
	}' "$work/$1.tsv"
}

for t in "${targets[@]}"; do
	setup "$t"
	mkdir -p "$work/cache/$t"
	rm -rf "$work/cache/$t"/*
	: >"$work/$t.tsv"
	: >"$work/$t.log"
	echo "== $t: ${patterns[*]}"
	echo "building the template cache (export data of every dependency)"
	(cd "$dir" && GOFLAGS=$modflags GOCACHE=$work/cache/$t/template go list -e -export -deps -test "${patterns[@]}" >/dev/null)
	npkg=$(cd "$dir" && GOFLAGS=$modflags GOCACHE=$work/cache/$t/template go list -e -test "${patterns[@]}" | wc -l)
	ndeps=$(cd "$dir" && GOFLAGS=$modflags GOCACHE=$work/cache/$t/template go list -e -deps -test "${patterns[@]}" | wc -l)
	echo "$npkg packages named (test variants included), $ndeps with dependencies; N=$n"
	for mode in $modes; do
		for tool in $tools; do
			case $mode/$tool in warm/floor-packages | warm/multichecker) continue ;; esac
			measure "$t" "$mode" "$tool" | tee -a "$work/$t.tsv"
		done
	done
	table "$t"
	rm -rf "$work/cache/$t"
done
