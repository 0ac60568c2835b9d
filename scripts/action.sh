#!/usr/bin/env bash
# The step of the goconcheck GitHub Action (action.yml) that installs and
# runs goconcheck; scripts/action-local.sh runs it the same way outside
# GitHub. Inputs come as INPUT_* variables, set by action.yml:
#   INPUT_VERSION        "action" (build the action's own source), "latest" or vX.Y.Z
#   INPUT_PACKAGES       package patterns, space-separated
#   INPUT_FORMAT         github, sarif, or both, comma-separated
#   INPUT_ONLY_NEW_BASE  a git revision: only findings on lines changed since it
#   INPUT_BASELINE       a baseline file (goconcheck -write-baseline)
#   INPUT_SARIF_FILE     where to write the SARIF log
#   INPUT_FAIL_ON_FINDINGS  "true": exit 1 when there are findings
# It writes the outputs findings and sarif-file to $GITHUB_OUTPUT.
set -euo pipefail

version=${INPUT_VERSION:-action}
bin_dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/goconcheck-bin
mkdir -p "$bin_dir"
if [ "$version" = action ]; then
	(cd "$GITHUB_ACTION_PATH" && GOBIN="$bin_dir" go install ./cmd/goconcheck)
else
	GOBIN="$bin_dir" go install "github.com/goconcheck/goconcheck/cmd/goconcheck@$version"
fi
goconcheck=$bin_dir/goconcheck
"$goconcheck" version

args=()
if [ -n "${INPUT_ONLY_NEW_BASE:-}" ]; then
	# A shallow checkout may lack the base commit: fetch it alone.
	if ! git cat-file -e "$INPUT_ONLY_NEW_BASE^{commit}" 2>/dev/null; then
		git fetch --no-tags --depth=1 origin "$INPUT_ONLY_NEW_BASE"
	fi
	args+=(-new-from-rev "$INPUT_ONLY_NEW_BASE")
fi
if [ -n "${INPUT_BASELINE:-}" ]; then
	args+=(-baseline "$INPUT_BASELINE")
fi
read -r -a packages <<<"${INPUT_PACKAGES:-./...}"

# Each format is one run; the second reads every package's result from
# the cache the first filled.
status=0
findings=0
sarif_out=""
IFS=',' read -r -a formats <<<"${INPUT_FORMAT:-github,sarif}"
for format in "${formats[@]}"; do
	format=$(echo "$format" | tr -d '[:space:]')
	code=0
	case "$format" in
	github)
		# Workflow commands on stdout become annotations.
		out=$(mktemp)
		"$goconcheck" -format=github "${args[@]}" "${packages[@]}" >"$out" || code=$?
		cat "$out"
		findings=$(grep -c '^::warning ' "$out" || true)
		rm -f "$out"
		;;
	sarif)
		sarif_out=${INPUT_SARIF_FILE:-goconcheck.sarif}
		# Absolute: the upload step runs in the workspace's root.
		case "$sarif_out" in /*) ;; *) sarif_out=$PWD/$sarif_out ;; esac
		"$goconcheck" -format=sarif "${args[@]}" "${packages[@]}" >"$sarif_out" || code=$?
		n=$(grep -c '"ruleId"' "$sarif_out" || true)
		findings=$((n > findings ? n : findings))
		echo "goconcheck: SARIF log with $n results in $sarif_out"
		;;
	text)
		"$goconcheck" "${args[@]}" "${packages[@]}" || code=$?
		;;
	*)
		echo "goconcheck action: unknown format '$format' (want github, sarif or text)" >&2
		exit 2
		;;
	esac
	# 3 means findings; anything else but 0 is an error.
	if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
		status=$code
	fi
done

if [ -n "${GITHUB_OUTPUT:-}" ]; then
	echo "findings=$findings" >>"$GITHUB_OUTPUT"
	echo "sarif-file=$sarif_out" >>"$GITHUB_OUTPUT"
fi
if [ "$status" -ne 0 ]; then
	exit "$status"
fi
if [ "$findings" -gt 0 ] && [ "${INPUT_FAIL_ON_FINDINGS:-true}" = true ]; then
	echo "goconcheck: $findings findings" >&2
	exit 1
fi
