#!/usr/bin/env bash
# Runs goconcheck over the GoKer reproductions the Go runtime ships
# ($(go env GOROOT)/src/runtime/testdata/testgoroutineleakprofile/goker,
# one blocking bug of cockroach, etcd, grpc, kubernetes, moby, ... per
# file) and diffs the findings, file by file, against corpus/goker.txt:
#
#   bash scripts/goker.sh
#
# Each bug file goes alone into its own package main under
# $GOCONCHECK_GOKER (default .scratch/goker), beside an unchanged copy of
# the runtime's goker/main.go, which defines the register function every
# file calls from its init. Alone, a file's findings can come only from
# that file: an analyzer that weighs a whole package (who else sends on a
# channel, which functions take a lock) sees no other bug's code, and a
# file added to GOROOT cannot change another's findings. (Today the one
# shared package gives the same findings, in the same time.)
#
# corpus/goker.txt has one section per file: "# == name.go", the
# documented bug ("# bug: ..."), then either each finding with a verdict
# (at-bug, other-true, false or debatable, then ": why") or "# missed".
# Its "# summary:" line is recomputed from the sections and must match.
#
# Fails on any analyzer error or panic, any finding new or gone, any
# finding without a verdict, a file without its section or a section
# without its file, and a stale summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${GOCONCHECK_GOKER:-$root/.scratch/goker}
base=corpus/goker.txt
goker=$(go env GOROOT)/src/runtime/testdata/testgoroutineleakprofile/goker
start=$(date +%s)

rm -rf "$work/src"
mkdir -p "$work/src"
go build -o "$work/goconcheck" ./cmd/goconcheck
go build -o "$work/findings" ./internal/devtools/findings
printf 'module goker\n\ngo 1.26\n' >"$work/src/go.mod"
names=()
for f in "$goker"/*.go; do
	name=$(basename "$f" .go)
	[ "$name" = main ] && continue
	names+=("$name.go")
	mkdir "$work/src/$name"
	cp "$f" "$goker/main.go" "$work/src/$name/"
done

status=0
# -json exits 0 with findings; a crash or a file that does not build
# exits non-zero, and stderr says why.
if ! (cd "$work/src" && GOCONCHECK_CACHE=off "$work/goconcheck" -json ./...) \
	>"$work/goker.json" 2>"$work/goker.stderr"; then
	head -40 "$work/goker.stderr"
	echo "goker: goconcheck failed"
	exit 1
fi
if grep -q 'panic:' "$work/goker.stderr"; then
	grep -A20 'panic:' "$work/goker.stderr" | head -40
	status=1
fi
# Positions become name.go:line:col, the file's name in GOROOT.
if ! "$work/findings" list <"$work/goker.json" | sed "s|^$work/src/[^/]*/||" >"$work/goker.txt"; then
	grep '^error:' "$work/goker.txt"
	status=1
fi

if ! "$work/findings" diff -verdicts=at-bug,other-true,false,debatable "$base" "$work/goker.txt"; then
	echo "goker: findings differ from $base (+ new, - gone) or lack a verdict"
	status=1
fi

# The sections: one per file, each with its bug and either findings or
# "missed"; the summary line recomputed from them.
printf '%s\n' "${names[@]}" >"$work/names.txt"
if ! awk -v base="$base" '
	FNR == NR { want[$0] = 1; total++; next }
	function close_section() {
		if (sec == "") return
		if (!bug[sec]) { printf "%s: %s: no \"# bug:\" line\n", base, sec; bad++ }
		if (missed[sec] == (nfind[sec] > 0)) { printf "%s: %s: want either findings or \"# missed\"\n", base, sec; bad++ }
		if (atbug[sec]) files_at++
		if (missed[sec]) files_missed++
	}
	/^# summary: / { summary = substr($0, 12); next }
	/^# == / {
		close_section(); sec = $3
		if (!(sec in want)) { printf "%s: %s: no such GoKer file\n", base, sec; bad++ }
		if (sec in seen) { printf "%s: %s: two sections\n", base, sec; bad++ }
		seen[sec] = 1; next
	}
	/^# bug: / { bug[sec] = 1; next }
	/^# missed$/ { missed[sec] = 1; next }
	/^#/ || /^[ \t]*$/ { next }
	/^[ \t]/ {
		v = $1; sub(/:$/, "", v); kinds[v]++
		if (v == "at-bug") atbug[sec] = 1
		next
	}
	{
		nfind[sec]++
		if (index($0, sec ":") != 1) { printf "%s:%d: finding outside its file'"'"'s section %s\n", base, FNR, sec; bad++ }
	}
	END {
		close_section()
		for (n in want) if (!(n in seen)) { printf "%s: no section for %s\n", base, n; bad++ }
		got = sprintf("%d of %d files with a finding at the documented bug; findings: %d at-bug, %d other-true, %d false, %d debatable; %d files missed", files_at, total, kinds["at-bug"], kinds["other-true"], kinds["false"], kinds["debatable"], files_missed)
		if (summary != got) { printf "%s: stale summary; want:\n# summary: %s\n", base, got; bad++ }
		else print "goker: " got
		exit bad > 0
	}
' "$work/names.txt" "$base"; then
	status=1
fi
echo "goker: $(($(date +%s) - start))s"
exit $status
