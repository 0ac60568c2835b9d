package pipeline

import "strings"

type record struct {
	seq    int
	fields []string
}

func enrich(src <-chan record, dst chan<- record) {
	for r := range src {
		r.fields = strings.Fields("a b")
		dst <- r
	}
	close(dst)
}

func persist(src <-chan record, acks chan<- int) {
	for r := range src {
		acks <- r.seq
	}
	close(acks)
}

// Bad: two stages, the acks read only after every record is sent.
func load(lines []string) int {
	parsed := make(chan record)
	enriched := make(chan record)
	acks := make(chan int)
	go enrich(parsed, enriched)
	go persist(enriched, acks)
	for i, l := range lines {
		if l == "" {
			continue
		}
		parsed <- record{seq: i} // want `circular wait: send on parsed blocks forever once 3 values are in flight: enrich and persist pass each one on, and the last channel comes back to load, received only after this loop`
	}
	close(parsed)
	n := 0
	for range acks {
		n++
	}
	return n
}

// Bad: one stage, a closure.
func square(xs []int) []int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for x := range in {
			out <- x * x
		}
		close(out)
	}()
	for _, x := range xs {
		in <- x // want `circular wait: send on in blocks forever once 2 values are in flight`
	}
	close(in)
	var res []int
	for y := range out {
		res = append(res, y)
	}
	return res
}

// Silent: the results channel has room for every value.
func squareBuffered(xs []int) []int {
	in := make(chan int)
	out := make(chan int, len(xs))
	go func() {
		for x := range in {
			out <- x * x
		}
		close(out)
	}()
	for _, x := range xs {
		in <- x
	}
	close(in)
	var res []int
	for y := range out {
		res = append(res, y)
	}
	return res
}

// Silent: the head takes results inside its loop too.
func squareSelect(xs []int) []int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for x := range in {
			out <- x * x
		}
		close(out)
	}()
	var res []int
	for i := 0; i < len(xs); {
		select {
		case in <- xs[i]:
			i++
		case y := <-out:
			res = append(res, y)
		}
	}
	close(in)
	for y := range out {
		res = append(res, y)
	}
	return res
}

// Silent: another goroutine drains the results while the head sends.
func squareDrained(xs []int) []int {
	in := make(chan int)
	out := make(chan int)
	done := make(chan []int)
	go func() {
		for x := range in {
			out <- x * x
		}
		close(out)
	}()
	go func() {
		var res []int
		for y := range out {
			res = append(res, y)
		}
		done <- res
	}()
	for _, x := range xs {
		in <- x
	}
	close(in)
	return <-done
}

// Silent: the stage may drop a value without passing it on, so the
// model cannot count the values in flight.
func evens(xs []int) []int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for x := range in {
			if x%2 != 0 {
				continue
			}
			out <- x
		}
		close(out)
	}()
	for _, x := range xs {
		in <- x
	}
	close(in)
	var res []int
	for y := range out {
		res = append(res, y)
	}
	return res
}
