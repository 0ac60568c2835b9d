// Package doublelock holds a doublelock finding in a file a person wrote and
// the same in a generated one, where it is dropped.
package doublelock

import "sync"

func twice(mu *sync.Mutex) {
	mu.Lock()
	mu.Lock() // want `.`
	mu.Unlock()
}
