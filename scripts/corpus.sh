#!/usr/bin/env bash
# Runs goconcheck (tests included) over the corpus and diffs the findings
# against the checked-in baseline.
#
#   bash scripts/corpus.sh            # the standard library and every module
#   bash scripts/corpus.sh std        # the standard library only (CI runs this)
#   bash scripts/corpus.sh raft grpc  # the modules of these names
#
# CI runs only the standard-library part (a few minutes). The full corpus,
# std and the 27 pinned modules, is the longer developer run: tens of
# minutes on two cores, most of it fetching and type-checking the modules'
# dependencies; run it before changing what an analyzer reports, or name
# the modules an analyzer change touches.
#
# GOCONCHECK_DRIVERS names the ways goconcheck is run: "standalone"
# (goconcheck -json, the default) and "vet" (go vet -vettool=goconcheck
# -json); with both, each must give the baseline's findings. The
# standalone runs use no cache (GOCONCHECK_CACHE=off), so they analyze
# everything every time.
#
# The modules are listed, pinned, in corpus/modules.txt. Each is fetched
# through the module proxy as the dependency of its own scratch module
# under $GOCONCHECK_CORPUS (default .scratch/corpus), so one module's
# requirements cannot move another's version. Findings go to
# $GOCONCHECK_CORPUS/<name>.txt, the baseline is corpus/baseline/<name>.txt.
# Set GOCONCHECK_UPDATE=1 to write a run's new findings into the baseline
# (without verdicts, which diff then asks for).
#
# Fails on any analyzer error or panic, on any finding not in the baseline,
# and on any baseline finding that is gone.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${GOCONCHECK_CORPUS:-$root/.scratch/corpus}
mkdir -p "$work" corpus/baseline
go build -o "$work/goconcheck" ./cmd/goconcheck
go build -o "$work/findings" ./internal/devtools/findings

# check name: compares $work/name.txt with the baseline.
status=0
check() {
	local name=$1 base=corpus/baseline/${1%%.*}.txt
	[ -f "$base" ] || : >"$base"
	if [ "${GOCONCHECK_UPDATE:-}" = 1 ]; then
		"$work/findings" diff "$base" "$work/$name.txt" | sed -n 's/^+ //p' >>"$base" || true
	fi
	if "$work/findings" diff "$base" "$work/$name.txt"; then
		echo "$name: $(grep -c . "$work/$name.txt" || true) findings, as in the baseline"
	else
		echo "$name: differs from $base (+ new, - gone)"
		status=1
	fi
}

drivers=${GOCONCHECK_DRIVERS:-standalone}

# vet name dir patterns...: goconcheck -json in dir, the way each driver
# runs it; findings into $work/name.txt (standalone) or name.vet.txt.
vet() {
	local name=$1 dir=$2 driver
	shift 2
	for driver in $drivers; do
		case $driver in
		standalone) run "$name" "$dir" "$work/goconcheck" -json "$@" ;;
		vet) run "$name.vet" "$dir" go vet -vettool="$work/goconcheck" -json "$@" ;;
		*)
			echo "corpus: unknown driver $driver" >&2
			exit 2
			;;
		esac
	done
}

# run name dir command...: the command in dir, findings into name.txt
# checked against the baseline of name (up to a dot).
run() {
	local name=$1 dir=$2
	shift 2
	echo "== $name"
	# -json makes both drivers exit 0 with findings; a crash or a
	# package that does not build still exits non-zero, and stderr says
	# why.
	if ! (cd "$dir" && GOFLAGS=-mod=mod GOCONCHECK_CACHE=off "$@") \
		>"$work/$name.json" 2>"$work/$name.stderr"; then
		grep -v '^#' "$work/$name.stderr" | head -40
		echo "$name: goconcheck failed"
		status=1
		return
	fi
	if grep -q 'panic:' "$work/$name.stderr"; then
		grep -A20 'panic:' "$work/$name.stderr" | head -40
		status=1
	fi
	if ! "$work/findings" list <"$work/$name.json" >"$work/$name.txt"; then
		grep '^error:' "$work/$name.txt"
		status=1
	fi
	check "$name"
}

selected=("$@")
want() { # want name: whether the command line selects this corpus entry
	[ ${#selected[@]} -eq 0 ] && return 0
	local w
	for w in "${selected[@]}"; do [ "$1" = "$w" ] && return 0; done
	return 1
}

if want std; then
	vet std "$root" std
fi
while read -r name mod version patterns; do
	case $name in '' | '#'*) continue ;; esac
	want "$name" || continue
	dir=$work/$name
	mkdir -p "$dir"
	printf 'module goconcheck.corpus/%s\n\ngo 1.26\n\nrequire %s %s\n' "$name" "$mod" "$version" >"$dir/go.mod"
	rm -f "$dir/go.sum"
	(cd "$dir" && GOFLAGS=-mod=mod go mod download "$mod" && GOFLAGS=-mod=mod go list -m "$mod" >/dev/null)
	# shellcheck disable=SC2086 # patterns is a list
	vet "$name" "$dir" $patterns
done <corpus/modules.txt
exit $status
