// Package bad does not type-check: goconcheck must say so and go on
// with the other packages.
package bad

func Count() int { return undefinedCounter }
