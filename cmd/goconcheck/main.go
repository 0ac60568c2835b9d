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
//
// Standalone, goconcheck runs the go command with itself as the vet (or,
// for -fix, the fix) tool, so every package is analyzed separately and
// its dependencies' facts come from the build cache; see
// internal/driver.
package main

import (
	"github.com/goconcheck/goconcheck/analyzers"
	"github.com/goconcheck/goconcheck/internal/driver"
)

func main() { driver.Main(analyzers.All()) }
