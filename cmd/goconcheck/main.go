// Command goconcheck runs the goconcheck analyzers.
//
// Standalone:
//
//	goconcheck ./...
//	goconcheck -json ./...
//	goconcheck -fix ./...
//
// As a go vet tool:
//
//	go vet -vettool=$(which goconcheck) ./...
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/goconcheck/goconcheck/analyzers"
)

func main() { multichecker.Main(analyzers.All()...) }
