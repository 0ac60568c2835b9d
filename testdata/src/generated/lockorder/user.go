// Package lockorder holds a lockorder finding in a file a person wrote
// and the same in a generated one, where it is dropped.
package lockorder

import "sync"

type a struct{ mu sync.Mutex }

type b struct{ mu sync.Mutex }

func AB(x *a, y *b) {
	x.mu.Lock()
	y.mu.Lock() // want `lock order inversion`
	y.mu.Unlock()
	x.mu.Unlock()
}

func BA(x *a, y *b) {
	y.mu.Lock()
	x.mu.Lock()
	x.mu.Unlock()
	y.mu.Unlock()
}
