// GOOD: the only handlers are in internal/blobtest, a fake object store used
// only by this module's own tests, which issue one request at a time, so the
// fake's unlocked map writes never overlap.

// Package blob is a small client for an S3-style object store; its tests use
// the fake server in internal/blobtest.
package blob
