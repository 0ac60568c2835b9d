#!/usr/bin/env bash
# Runs the goconcheck GitHub Action's steps (action.yml) outside GitHub,
# on a sample repository with a real history: the base commit has a
# finding, the pull-request commit adds another. With only-new-base set
# to the base, the annotations and the SARIF log must both hold the new
# finding only; with a baseline of the base commit's findings, too.
#   bash scripts/action-local.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The step's environment, as action.yml sets it: every input it maps
# must be one this script sets, so the two cannot drift apart.
for input in $(grep -oE '^ +INPUT_[A-Z_]+:' "$root/action.yml" | tr -d ' :'); do
	if ! grep -q "$input=" "$0"; then
		echo "action.yml sets $input, which scripts/action-local.sh does not" >&2
		exit 1
	fi
done
grep -q 'run: bash "$GITHUB_ACTION_PATH/scripts/action.sh"' "$root/action.yml" || {
	echo "action.yml no longer runs scripts/action.sh" >&2
	exit 1
}

repo=$work/repo
mkdir -p "$repo/store"
cd "$repo"
git init -q
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
printf 'module example.com/store\n\ngo 1.22\n' >go.mod
cat >store/store.go <<'GO'
package store

import "sync"

type Store struct {
	mu sync.Mutex
	m  map[string]int
}

// Get locks twice: the finding the base commit already has.
func (s *Store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mu.Lock()
	return s.m[k]
}
GO
git add -A
git commit -qm base
base=$(git rev-parse HEAD)
cat >>store/store.go <<'GO'

// Fetch leaks its goroutine when the caller gives up: the new finding.
func Fetch(get func() string, giveUp <-chan struct{}) string {
	ch := make(chan string)
	go func() {
		ch <- get()
	}()
	select {
	case v := <-ch:
		return v
	case <-giveUp:
		return ""
	}
}
GO
git commit -qam "pull request"

step() {
	env GITHUB_ACTION_PATH="$root" GITHUB_WORKSPACE="$repo" GITHUB_OUTPUT="$work/output" RUNNER_TEMP="$work/runner" \
		GOCONCHECK_CACHE="$work/cache" \
		INPUT_VERSION=action INPUT_PACKAGES=./... INPUT_FORMAT=github,sarif \
		INPUT_SARIF_FILE=goconcheck.sarif INPUT_FAIL_ON_FINDINGS=true \
		"$@" bash "$root/scripts/action.sh"
}

check() { # what, stdout file
	local what=$1 out=$2
	local warnings
	warnings=$(grep '^::warning ' "$out" || true)
	if [ "$(printf '%s\n' "$warnings" | grep -c .)" != 1 ] || ! printf '%s' "$warnings" | grep -q '^::warning file=store/store.go,line=20,.*title=goconcheck%3A goroutineleak/orphan::'; then
		echo "$what: want one annotation, the new goroutine leak at store/store.go:20; got:" >&2
		cat "$out" >&2
		exit 1
	fi
	local results
	results=$(grep -c '"ruleId"' goconcheck.sarif || true)
	if [ "$results" != 1 ] || ! grep -q '"ruleId": "goroutineleak/orphan"' goconcheck.sarif || ! grep -q '"uri": "store/store.go"' goconcheck.sarif; then
		echo "$what: want one SARIF result, the new goroutine leak in store/store.go; got:" >&2
		cat goconcheck.sarif >&2
		exit 1
	fi
	grep -qx 'findings=1' "$work/output" || { echo "$what: outputs:" >&2; cat "$work/output" >&2; exit 1; }
	grep -qx "sarif-file=$repo/goconcheck.sarif" "$work/output" || { echo "$what: outputs:" >&2; cat "$work/output" >&2; exit 1; }
}

# Only new: the base revision as a pull request's base.sha.
code=0
step INPUT_ONLY_NEW_BASE="$base" INPUT_BASELINE= >"$work/stdout" || code=$?
if [ "$code" != 1 ]; then
	echo "only-new-base: exit $code, want 1 (a finding fails the step)" >&2
	cat "$work/stdout" >&2
	exit 1
fi
check "only-new-base" "$work/stdout"

# A baseline written on the base commit: the same.
git checkout -q "$base"
"$work/runner/goconcheck-bin/goconcheck" -write-baseline goconcheck-baseline.json ./...
git checkout -q -
: >"$work/output"
code=0
step INPUT_ONLY_NEW_BASE= INPUT_BASELINE=goconcheck-baseline.json >"$work/stdout" || code=$?
[ "$code" = 1 ] || { echo "baseline: exit $code, want 1" >&2; cat "$work/stdout" >&2; exit 1; }
check "baseline" "$work/stdout"

# Without either, both findings.
: >"$work/output"
step INPUT_ONLY_NEW_BASE= INPUT_BASELINE= INPUT_FAIL_ON_FINDINGS=false >"$work/stdout"
n=$(grep -c '^::warning ' "$work/stdout" || true)
[ "$n" = 2 ] || { echo "all findings: want 2 annotations, got $n" >&2; cat "$work/stdout" >&2; exit 1; }
echo "action: only the new finding reported, as annotations and in SARIF (only-new-base and baseline)"
