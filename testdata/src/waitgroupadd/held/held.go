// Package held: goroutines that add while they still hold a count their // want package:"analyzed, dependencies too"
// starter added for them. The counter cannot reach zero before their
// own Done, so their Adds cannot race with the Wait.
package held

import "sync"

type collector struct {
	wg  sync.WaitGroup
	mu  sync.Mutex
	out []int
}

func (c *collector) Collecting() { c.wg.Add(1) } // want Collecting:`waitgroupadd\(add:p0/0 flags=0\)`

func (c *collector) Collect(v int) { // want Collect:`waitgroupadd\(pub:p0/1 done:p0/0 flags=0\)`
	c.mu.Lock()
	c.out = append(c.out, v)
	c.mu.Unlock()
	c.wg.Done()
}

func (c *collector) Done() { c.wg.Done() } // want Done:`waitgroupadd\(done:p0/0 flags=0\)`

func (c *collector) Ready() []int { // want Ready:`waitgroupadd\(wait:p0/0 flags=0\)`
	c.wg.Wait()
	return c.out
}

// The starter counts the goroutine in; the goroutine counts each item,
// then marks its own count done last.
func gather(c *collector, xs []int) {
	c.Collecting()
	go func() {
		for _, x := range xs {
			c.Collecting()
			if x < 0 {
				c.Done()
				continue
			}
			c.Collect(x)
		}
		c.Done()
	}()
}

func use(xs []int) []int {
	c := &collector{}
	gather(c, xs)
	return c.Ready()
}

// The same with a deferred Done on a local WaitGroup.
func deferred(xs []int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range xs {
			wg.Add(1)
			wg.Done()
		}
	}()
	wg.Wait()
}

// Bad: nobody counted the goroutine in before it starts.
func uncounted(c *collector, xs []int) {
	go func() {
		for _, x := range xs {
			c.Collecting() // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			c.Collect(x)
		}
		c.Done()
	}()
}

// Bad: the starter counts the goroutine in on one path only.
func sometimes(xs []int, counted bool) {
	var wg sync.WaitGroup
	if counted {
		wg.Add(1)
	}
	go func() {
		defer wg.Done()
		for range xs {
			wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			wg.Done()
		}
	}()
	wg.Wait()
}

// Bad: the goroutine gives its count back before it adds again.
func doneFirst() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
		wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		wg.Done()
	}()
	wg.Wait()
}

// Bad: one Add before the loop, one goroutine per iteration.
func onceForMany(xs []int) {
	var wg sync.WaitGroup
	wg.Add(1)
	for range xs {
		go func() {
			defer wg.Done()
			wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			wg.Done()
		}()
	}
	wg.Wait()
}
