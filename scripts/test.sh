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
# Headless Chromium for the HTML report's browser test (Debian's package).
if [ ! -x /usr/bin/chromium ]; then
	apt-get update && apt-get install -y chromium
fi

echo "== gofmt, go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '^testdata/') 2>&1 || true)
if [ -n "$unformatted" ]; then
	echo "not gofmt-clean:"; echo "$unformatted"; exit 1
fi
go vet ./...

echo "== workflow"
actionlint .github/workflows/*.yml
# The README's example workflow, as a user copies it into a repository.
example=$(mktemp -d)
mkdir -p "$example/.github/workflows"
awk '/^<!-- example workflow -->/ { on = 1; next } on && /^```yaml/ { code = 1; next } code && /^```/ { exit } code' README.md \
	>"$example/.github/workflows/goconcheck.yml"
if [ ! -s "$example/.github/workflows/goconcheck.yml" ]; then
	echo "README.md has no example workflow"; exit 1
fi
(cd "$example" && actionlint .github/workflows/goconcheck.yml)
rm -rf "$example"
# Every command the workflow runs is one that CI runs too (.ci/run,
# which runs this script, or this script itself).
grep -hE '^ *run: ' .github/workflows/*.yml | sed -E 's/^ *run: //' | while read -r cmd; do
	if ! grep -qxE "[[:space:]]*$(printf '%s' "$cmd" | sed 's/[][\\.*^$/]/\\&/g')" .ci/run scripts/test.sh; then
		echo "the workflow runs '$cmd', which neither .ci/run nor scripts/test.sh runs"
		exit 1
	fi
done

echo "== custom golangci-lint with the goconcheck plugin"
bash scripts/custom-gcl.sh

echo "== go test"
GOCONCHECK_E2E=1 GOCONCHECK_CUSTOM_GCL="$PWD/custom-gcl" go test -count=1 -timeout 30m ./...
# The SARIF output against the SARIF 2.1.0 schema, in a module of its
# own so that its test-only dependencies stay out of go.mod.
(cd internal/sarifschema && go test -count=1 ./...)
# Models shared by analyzers are queried concurrently, and the standalone
# driver analyzes packages concurrently in one process: check for races.
go test -race -count=1 ./internal/chanmodel/ ./internal/driver/

echo "== the GitHub Action's steps on a sample repository with a history"
bash scripts/action-local.sh

echo "== goconcheck on the standard library, against corpus/baseline/std.txt"
GOCONCHECK_DRIVERS="standalone vet" bash scripts/corpus.sh std

echo "== goconcheck on the runtime's GoKer reproductions, against corpus/goker.txt"
bash scripts/goker.sh

echo "== hard input (GOROOT/test, type errors, cgo, generics, a huge file): no panics"
bash scripts/hardinput.sh

echo "== goconcheck on itself"
go run ./cmd/goconcheck ./...
echo "== golangci-lint (standard linters + goconcheck) on itself"
./custom-gcl run ./...
