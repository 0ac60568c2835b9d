// Package sarifschema validates goconcheck's SARIF output against the
// SARIF 2.1.0 JSON schema (OASIS). It is a module of its own, so that
// its test-only dependencies stay out of goconcheck's go.mod, which
// golangci-lint's plugin build uses: the schema text comes from the
// go-sarif module, which ships it, and the validator from
// santhosh-tekuri/jsonschema. scripts/test.sh runs its test.
package sarifschema

// go-sarif's package is imported only so that the go command fetches
// the module whose source holds the schema (see schemaText).
import _ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
