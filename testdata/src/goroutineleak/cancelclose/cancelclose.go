// A ctx.Done() case that only leaves the select, in a loop that still
// ends when the context is cancelled: the cancellation closes the
// channel another case receives from, and that case returns once it
// sees the channel closed.
package cancelclose

import (
	"context"
	"log"
	"time"

	"goroutineleak/cancelclose/source"
)

// poll closes its output when ctx is done (a deferred close in a
// goroutine that returns on ctx.Done()).
func poll(ctx context.Context, read func() []string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			for _, ln := range read() {
				select {
				case out <- ln:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// The consumer flushes on cancellation and stays in the loop until
// poll closes lines, which the same cancellation does: silent.
func follow(ctx context.Context, read func() []string, flush func([]string)) {
	lines := poll(ctx, read)
	go func() {
		var buf []string
		for {
			select {
			case <-ctx.Done():
				flush(buf)
				buf = nil
			case ln, ok := <-lines:
				if !ok {
					flush(buf)
					return
				}
				buf = append(buf, ln)
			}
		}
	}()
}

// The producer closes its output on the way out of its ctx.Done()
// case: silent.
func ticks(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				close(out)
				return
			}
		}
	}()
	return out
}

func count(ctx context.Context, report func(int)) {
	in := ticks(ctx)
	go func() {
		n := 0
		for {
			select {
			case <-ctx.Done():
				report(n)
			case _, ok := <-in:
				if !ok {
					return
				}
				n++
			}
		}
	}()
}

// The channel comes from another package, which closes it where this
// package cannot see; the explicit check for its close is trusted:
// silent.
func watch(ctx context.Context) {
	ch := source.Subscribe(ctx)
	go func() {
		for {
			select {
			case <-ctx.Done():
				log.Print("stopping")
			case v, ok := <-ch:
				if !ok {
					return
				}
				log.Print(v)
			}
		}
	}()
}

// Bad: the producer ignores ctx; it closes its output only when its
// input ends, which the cancellation does not bring about.
func relay(in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		for s := range in {
			out <- s
		}
		close(out)
	}()
	return out
}

func forward(ctx context.Context, in <-chan string) {
	lines := relay(in)
	go func() { // want `goroutine does not terminate when asked to: the <-ctx.Done\(\) case leaves only the select, not the loop`
		for {
			select {
			case <-ctx.Done():
				log.Print("stopping")
			case ln, ok := <-lines:
				if !ok {
					return
				}
				log.Print(ln)
			}
		}
	}()
}

// Bad: nothing ever closes a subscriber's channel.
type event struct{ topic string }

type bus struct{ subs map[string][]chan event }

func (b *bus) subscribe(topic string) <-chan event {
	ch := make(chan event, 16)
	b.subs[topic] = append(b.subs[topic], ch)
	return ch
}

func (b *bus) publish(e event) {
	for _, ch := range b.subs[e.topic] {
		select {
		case ch <- e:
		default:
		}
	}
}

func counter(ctx context.Context, b *bus, topic string) {
	events := b.subscribe(topic)
	go func() { // want `goroutine does not terminate when asked to: the <-ctx.Done\(\) case leaves only the select, not the loop`
		n := 0
		for {
			select {
			case <-ctx.Done():
				log.Printf("%d events", n)
			case _, ok := <-events:
				if !ok {
					return
				}
				n++
			}
		}
	}()
}

// Bad: the producer's ctx.Done() case leaves its own loop without
// closing anything; out is closed only by Stop.
type feed struct {
	out  chan int
	stop chan struct{}
}

func (f *feed) Stop() { close(f.out) }

func (f *feed) produce(ctx context.Context) {
	for i := 0; ; i++ {
		select {
		case f.out <- i:
		case <-ctx.Done():
			return
		}
	}
}

func consume(ctx context.Context, f *feed) {
	go f.produce(ctx)
	go func() { // want `goroutine does not terminate when asked to: the <-ctx.Done\(\) case leaves only the select, not the loop`
		for {
			select {
			case <-ctx.Done():
				log.Print("stopping")
			case v, ok := <-f.out:
				if !ok {
					return
				}
				log.Print(v)
			}
		}
	}()
}
