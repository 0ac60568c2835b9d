#!/usr/bin/env bash
# Runs goconcheck the way go vet runs it (one unitchecker .cfg per
# package) over hard input, and fails on any panic:
#   - the standard library (analyzed; its .vetx files feed the rest),
#   - every program under $(go env GOROOT)/test, type-checking or not,
#     and the type checker's, runtime's, race detector's, tracer's, vet's
#     and loopvar's test programs under GOROOT/src,
#   - through the real go vet, a scratch module: a package with type
#     errors beside a package with a bug, a generated file, cgo,
#     generics-heavy code and a 50,000-line file.
#
#   bash scripts/hardinput.sh                 # all of it
#   bash scripts/hardinput.sh -vet=false      # GOROOT only
#   bash scripts/hardinput.sh -run 'test/chan/' -v
#
# HARDINPUT_PKG is the main package built as the tool (default
# ./cmd/goconcheck; a main under .scratch/ can add analyzers not yet in
# the suite), HARDINPUT_WORK the scratch directory (default
# .scratch/hardinput; std's results are reused there while the tool
# binary is unchanged). Other arguments go to internal/devtools/hardinput.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${HARDINPUT_WORK:-$PWD/.scratch/hardinput}
pkg=${HARDINPUT_PKG:-./cmd/goconcheck}
mkdir -p "$work"
go build -o "$work/goconcheck" "$pkg"
go build -o "$work/hardinput" ./internal/devtools/hardinput
start=$(date +%s)
status=0
"$work/hardinput" -bin "$work/goconcheck" -work "$work" "$@" || status=$?
echo "hardinput: $(($(date +%s) - start))s in all"
exit $status
