// GOOD: the handlers are in internal/metadatatest, a fake cloud metadata
// server used only by this module's own tests, which make one request at a
// time; its unlocked writes to the fake's fields and maps cannot race.

// Package credentials fetches instance credentials from the cloud metadata
// service; its tests run against internal/metadatatest.
package credentials
