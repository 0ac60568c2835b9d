#!/usr/bin/env bash
# Builds ./custom-gcl, golangci-lint with goconcheck as a module plugin
# (.custom-gcl.yml), using only the Go module proxy.
#
# `golangci-lint custom` git-clones golangci-lint from GitHub at the
# version .custom-gcl.yml names. We serve that clone from a local git
# repository made from the module proxy's copy of the same version,
# through a url.<local>.insteadOf rule passed in GIT_CONFIG_* variables,
# which golangci-lint keeps in the environment of its git commands.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version: *//p' .custom-gcl.yml)
gcl=${GOLANGCI_LINT:-$(go env GOPATH)/bin/golangci-lint}
if [ ! -x "$gcl" ]; then
	echo "custom-gcl.sh: $gcl not found; scripts/tools.sh installs it" >&2
	exit 1
fi

src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "custom-gcl.sh: module download of golangci-lint $version failed" >&2; exit 1; }

repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
cp -r "$src/." "$repo"
chmod -R u+w "$repo"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" -c user.name=goconcheck -c user.email=goconcheck@localhost -c commit.gpgsign=false commit -qm "golangci-lint $version"
git -C "$repo" tag "$version"

GIT_CONFIG_COUNT=1 \
GIT_CONFIG_KEY_0="url.$repo.insteadOf" \
GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git \
	"$gcl" custom
echo "built $(pwd)/custom-gcl"
