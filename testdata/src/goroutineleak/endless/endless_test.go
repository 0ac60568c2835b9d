package endless

import "time"

// Near miss: go test runs an example once, as a program's main.
func ExampleNewCache() {
	c := &Cache{every: time.Second}
	go c.refresh()
}
