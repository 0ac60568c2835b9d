// Pipelines whose consumer stops ranging over the channel before the
// producer is done: the producer's next send blocks forever.
package pipeline

import "context"

// The consumer returns at the first error; the producer still has
// paths to check.
func checkAll(paths []string, check func(string) error) error {
	errs := make(chan error) // want `goroutine leak: the goroutine sending on errs blocks forever once the receiving loop stops before the channel is closed`
	go func() {
		defer close(errs)
		for _, p := range paths {
			errs <- check(p)
		}
	}()
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

const chunk = 16

// The producer sends 16 bytes into a buffer of 4; the consumer breaks
// out at the first newline.
func readLine(next func() byte) []byte {
	bytes := make(chan byte, 4) // want `goroutine leak: the goroutine sending on bytes blocks forever`
	go func() {
		defer close(bytes)
		for i := 0; i < chunk; i++ {
			bytes <- next()
		}
	}()
	var line []byte
	for b := range bytes {
		if b == '\n' {
			break
		}
		line = append(line, b)
	}
	return line
}

// A helper produces; the consumer waits for one value only.
func produce(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func firstValue(n int) (int, bool) {
	vals := make(chan int) // want `goroutine leak: the goroutine sending on vals blocks forever`
	go produce(vals, n)
	v, ok := <-vals
	if !ok {
		return 0, false
	}
	return v, true
}

// Near-misses, all silent.

// The producer gives up when the consumer leaves.
func checkAllCancel(ctx context.Context, paths []string, check func(string) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make(chan error)
	go func() {
		defer close(errs)
		for _, p := range paths {
			select {
			case errs <- check(p):
			case <-ctx.Done():
				return
			}
		}
	}()
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// The consumer keeps draining after the first error.
func checkAllDrain(paths []string, check func(string) error) error {
	errs := make(chan error)
	go func() {
		defer close(errs)
		for _, p := range paths {
			errs <- check(p)
		}
	}()
	var first error
	for err := range errs {
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Room in the buffer for everything the producer sends.
func readShort(next func() byte) []byte {
	bytes := make(chan byte, chunk)
	go func() {
		defer close(bytes)
		for i := 0; i < chunk; i++ {
			bytes <- next()
		}
	}()
	var line []byte
	for b := range bytes {
		if b == '\n' {
			break
		}
		line = append(line, b)
	}
	return line
}

// A buffer sized to the work: the analyzer cannot count it.
func checkAllBuffered(paths []string, check func(string) error) error {
	errs := make(chan error, len(paths))
	go func() {
		defer close(errs)
		for _, p := range paths {
			errs <- check(p)
		}
	}()
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// On the early exit, a goroutine drains what is left.
func checkAllDrainLater(paths []string, check func(string) error) error {
	errs := make(chan error)
	go func() {
		defer close(errs)
		for _, p := range paths {
			errs <- check(p)
		}
	}()
	for err := range errs {
		if err != nil {
			go func() {
				for range errs {
				}
			}()
			return err
		}
	}
	return nil
}

// Not reported: the loop stops only once it has received the 1000
// values the two goroutines send, so neither is left with a send.
func collectAll() []int {
	const n = 1000
	ch := make(chan int)
	go func() {
		for i := 0; i < n/2; i++ {
			ch <- i
		}
	}()
	go func() {
		for i := n / 2; i < n; i++ {
			ch <- i
		}
	}()
	var got []int
	count := 0
	for v := range ch {
		got = append(got, v)
		count++
		if count == n {
			break
		}
	}
	return got
}

// Not reported: one send from each of eight goroutines, eight receives
// counted before the break.
func firstEight() int {
	ch := make(chan int)
	for i := 0; i < 8; i++ {
		go func(k int) { ch <- k * k }(i)
	}
	sum, seen := 0, 0
	for v := range ch {
		sum += v
		seen++
		if seen >= 8 {
			break
		}
	}
	return sum
}

// Reported: the loop counts only one goroutine's share, and the other
// goroutine's sends block.
func collectHalf() []int {
	const n = 1000
	ch := make(chan int) // want `goroutine leak: the goroutine sending on ch blocks forever once the receiving loop stops before the channel is closed`
	go func() {
		for i := 0; i < n/2; i++ {
			ch <- i
		}
	}()
	go func() {
		for i := n / 2; i < n; i++ {
			ch <- i
		}
	}()
	var got []int
	for v := range ch {
		got = append(got, v)
		if len(got) == n/2 {
			break
		}
	}
	return got
}
