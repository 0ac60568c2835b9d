// Package deep calls stats: its summary carries stats' writes, rebound
// to its own parameters.
package deep

import "unlockedwrite/xpkg/stats"

// Run writes u.Misses through stats.Miss.
func Run(u *stats.Usage) {
	stats.Miss(u)
}
