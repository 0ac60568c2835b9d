// Command goconcheck runs the goconcheck analyzers.
//
// Standalone:
//
//	goconcheck ./...
//	goconcheck -format=json|sarif|github ./...
//	goconcheck -baseline goconcheck-baseline.json ./...
//	goconcheck -new-from-rev origin/main ./...
//	goconcheck -fix ./...
//	goconcheck version
//
// As a go vet tool:
//
//	go vet -vettool=$(which goconcheck) ./...
//
// Standalone, goconcheck analyzes every package in its own process and
// caches the results per package; -fix runs the go command with
// goconcheck as its fix tool. See internal/driver.
package main

import (
	"github.com/goconcheck/goconcheck/analyzers"
	"github.com/goconcheck/goconcheck/internal/driver"
)

func main() { driver.Main(analyzers.All()) }
