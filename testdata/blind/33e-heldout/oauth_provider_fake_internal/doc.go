// GOOD: the only HTTP handlers live in internal/oauthtest, a fake OAuth
// provider used solely by this module's own tests, which drive it one request
// at a time (register, then authorize, then token), so its unlocked map
// stores never run concurrently.

// Package oauthclient implements the authorization-code flow against an OAuth
// provider; its tests run against the fake in internal/oauthtest.
package oauthclient
