#!/usr/bin/env bash
# Counts the facts goconcheck writes under go vet: runs go vet
# -vettool=goconcheck on the packages named, in the current directory,
# keeps each package's fact file (.vetx) and prints the facts and their
# bytes by fact type (internal/devtools/factstat). Deterministic, unlike
# a timing: a measure of vet mode's fact volume on a busy machine.
#
#   (cd /path/to/module && bash /path/to/goconcheck/scripts/factstat.sh ./...)
#
# Every run gets a vet tool ID of its own, so go vet analyzes every
# package again rather than reusing the results in GOCACHE.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/goconcheck" ./cmd/goconcheck && go build -o "$tmp/factstat" ./internal/devtools/factstat)
mkdir "$tmp/vetx"
# The wrapper runs goconcheck, then copies the fact file the .cfg names
# and writes the package's import path beside it.
cat >"$tmp/vettool" <<'WRAP'
#!/usr/bin/env bash
dir=$(dirname "$0")
for a in "$@"; do
	if [ "$a" = -V=full ]; then
		echo "$0 version devel comments-go-here buildID=factstat-$(basename "$dir")"
		exit 0
	fi
done
status=0
"$dir/goconcheck" "$@" || status=$?
cfg=${*: -1}
if [[ $cfg == *.cfg ]]; then
	name=$(jq -r .ID "$cfg" | tr '/ []' '____')
	out=$(jq -r .VetxOutput "$cfg")
	if [ -f "$out" ]; then
		cp "$out" "$dir/vetx/$name.vetx"
		jq -r .ImportPath "$cfg" >"$dir/vetx/$name.path"
	fi
fi
exit $status
WRAP
chmod +x "$tmp/vettool"
go vet -vettool="$tmp/vettool" -json "$@" >/dev/null
"$tmp/factstat" "$tmp/vetx"
