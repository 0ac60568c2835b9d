// Package fix exercises the suggested fix that moves the Add out of the // want package:"analyzed, dependencies too"
// goroutine literal.
package fix

import "sync"

func work() {}

func first() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		go func() {
			wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

func afterDefer() {
	var wg sync.WaitGroup
	go func(n int) {
		defer wg.Done()
		wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		_ = n
	}(3)
	wg.Wait()
}

type S struct{ wg sync.WaitGroup }

func (s *S) field() {
	go func() {
		s.wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer s.wg.Done()
	}()
	s.wg.Wait()
}

// No fix: the WaitGroup is a parameter of the literal.
func param() {
	var wg sync.WaitGroup
	go func(wg *sync.WaitGroup) {
		wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer wg.Done()
	}(&wg)
	wg.Wait()
}

// No fix: the Add is conditional.
func conditional(b bool) {
	var wg sync.WaitGroup
	go func() {
		if b {
			return
		}
		wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer wg.Done()
	}()
	wg.Wait()
}

// No fix: the delta is not a constant.
func variable(n int) {
	var wg sync.WaitGroup
	go func() {
		wg.Add(n) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer wg.Add(-n)
	}()
	wg.Wait()
}

// No fix: the WaitGroup is named by a variable of the literal.
func inner(p *sync.WaitGroup) {
	go func() {
		w := p
		w.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer w.Done()
	}()
	p.Wait()
}

// A package-level WaitGroup.
var global sync.WaitGroup

func useGlobal() {
	go func() {
		global.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer global.Done()
	}()
	global.Wait()
}
