package lib

import "sync"

type T struct {
	A int
	M map[string]int
}

// Set writes through its parameter: summarised.
func Set(t *T) { t.A = 1 }

// Inc loses updates.
func Inc(t *T) { t.A++ }

// Put stores into a map held by its parameter.
func Put(t *T, k string) { t.M[k] = 1 }

// Via writes through a helper of the package.
func Via(t *T) { set(t) }

func set(t *T) { t.A = 2 }

// Locked writes with the lock it is given held: no summary.
func Locked(mu *sync.Mutex, t *T) {
	mu.Lock()
	t.A = 3
	mu.Unlock()
}

// Copy writes its own copy: no summary.
func Copy(t T) T {
	c := t
	c.A = 4
	return c
}

var (
	mu    sync.Mutex
	count int
	other int
)

// Count writes count, which Get and Reset access with mu held.
func Count() { count++ }

// Other writes a variable no function locks around: no summary.
func Other() { other++ }

func Get() int {
	mu.Lock()
	defer mu.Unlock()
	return count
}

func Reset() {
	mu.Lock()
	count = 0
	mu.Unlock()
}

// Some writes on one path only.
func Some(t *T) {
	if t.A > 0 {
		return
	}
	t.A--
}
