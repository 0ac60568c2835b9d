// Harder cases: methods, fields, helpers, other packages, closures in // want package:"analyzed, dependencies too"
// variables, generics. Each sleep below waits for a goroutine whose
// result is then read.
package cases

import (
	"fmt"
	"sync/atomic"
	"time"

	"sleepsync/lib"
)

func closureVar() int {
	x := 0
	go func() { x = compute() }()
	time.Sleep(10 * time.Millisecond) // want `goroutine started at line 16`
	return x
}

func methodField(s *server) int {
	go s.loop()
	time.Sleep(10 * time.Millisecond) // want `goroutine started at line 22`
	return s.count
}

func methodFieldViaAccessor(s *server) {
	go s.loop()
	time.Sleep(10 * time.Millisecond) // want `time.Sleep used to wait`
	fmt.Println(s.Count())
}

func helperOtherFile() int {
	var n int
	go fill(&n)
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return n
}

func libMethod() int {
	c := &lib.Counter{}
	go c.Run()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return c.N
}

func libAccessor() int {
	c := new(lib.Counter)
	go c.Run()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return c.Get()
}

func libFunc() int {
	var n int
	go lib.Fill(&n)
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return n
}

func libChannel() {
	ch := make(chan int)
	go lib.Produce(ch)
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	select {
	case v := <-ch:
		fmt.Println(v)
	default:
	}
}

func closureInVariable() bool {
	done := false
	f := func() { done = true }
	go f()
	time.Sleep(time.Millisecond) // want `goroutine started at line 75`
	return done
}

func generic[T any](v T) T {
	var out T
	go func() { out = v }()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return out
}

func atomicCounter() int64 {
	var n int64
	go func() { atomic.AddInt64(&n, 1) }()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return atomic.LoadInt64(&n)
}

func atomicType() int32 {
	var n atomic.Int32
	go func() { n.Store(1) }()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return n.Load()
}

func mapWrite() string {
	m := map[int]string{}
	go func() { m[1] = "one" }()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return m[1]
}

func appendSlice() int {
	var results []int
	for i := 0; i < 3; i++ {
		go func() { results = append(results, i) }()
	}
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	fmt.Println("collected")
	return len(results)
}

type agg struct{ total int }

func (a *agg) add(n int) { a.total += n }

func nestedCall() int {
	a := &agg{}
	go func() { a.add(3) }()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return a.total
}

type box[T any] struct{ v T }

func (b *box[T]) set(v T) { b.v = v }

func genericMethod() int {
	b := &box[int]{}
	go b.set(1)
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return b.v
}

// lib.Version's fact says it has no effect: it waits for nothing, so
// the sleep still waits for Run.
func libNoEffect() int {
	c := &lib.Counter{}
	go c.Run()
	fmt.Println(lib.Version())
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return c.N
}

// Counter.Nop has no fact, and lib's mark says that a method then has
// no effect: the same.
func libMethodNoEffect() int {
	c := &lib.Counter{}
	go c.Run()
	c.Nop()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	return c.N
}
