// Package gate: waits that only the partner's later operations can
// complete.
package gate
