// BAD: package webhooktest is an exported (non-internal) test-support package
// meant for other modules' tests, which may deliver webhooks concurrently or
// run in parallel; its receiver handler stores into f.deliveries without a lock.
//
// Package webhook documents the webhook delivery contract; see the webhooktest
// sub-package for a receiver that client libraries can test against.
package webhook
