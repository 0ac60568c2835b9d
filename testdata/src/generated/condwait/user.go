// Package condwait holds a condwait finding in a file a person wrote and
// the same in a generated one, where it is dropped.
package condwait

import "sync"

func waitUnlocked(c *sync.Cond, ok *bool) {
	c.L.Lock()
	c.L.Unlock()
	for !*ok {
		c.Wait() // want `.`
	}
}
