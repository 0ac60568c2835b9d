#!/usr/bin/env bash
# The whole test suite, set-up included, on a fresh machine with Go 1.26:
#   bash scripts/test.sh
# .ci/run and the GitHub workflow run exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(go env GOPATH)/bin
export PATH="$bin:$PATH"

echo "== tools"
bash scripts/tools.sh

echo "== gofmt, go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '^testdata/') 2>&1 || true)
if [ -n "$unformatted" ]; then
	echo "not gofmt-clean:"; echo "$unformatted"; exit 1
fi
go vet ./...

echo "== workflow"
actionlint .github/workflows/*.yml
# Every command the workflow runs is one this script runs too.
grep -E '^ *run: ' .github/workflows/*.yml | sed -E 's/^[^:]*: *run: //' | while read -r cmd; do
	grep -qxF "$cmd" scripts/test.sh || grep -qxF "	$cmd" scripts/test.sh || {
		echo "workflow runs '$cmd', which scripts/test.sh does not"; exit 1; }
done

echo "== custom golangci-lint with the goconcheck plugin"
bash scripts/custom-gcl.sh

echo "== go test"
GOCONCHECK_E2E=1 GOCONCHECK_CUSTOM_GCL="$PWD/custom-gcl" go test -count=1 ./...

echo "== goconcheck on itself"
go run ./cmd/goconcheck ./...
echo "== golangci-lint (standard linters + goconcheck) on itself"
./custom-gcl run ./...
