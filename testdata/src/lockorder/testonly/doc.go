// Package testonly has its workers and the tests that inspect them in
// _test.go files, so that the test variant, the one that sees both
// orders, is the one checked.
package testonly
