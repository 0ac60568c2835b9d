#!/usr/bin/env bash
# Installs the pinned tools the tests use into $(go env GOPATH)/bin.
set -euo pipefail
go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0
go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
