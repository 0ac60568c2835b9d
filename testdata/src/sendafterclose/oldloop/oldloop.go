//go:build go1.21

// Package oldloop is compiled with Go 1.21's loop variables (the build
// constraint sets the file's language version): a range variable is
// one variable for the whole loop, and each iteration copies the
// element's value into it.
package oldloop

type worker struct{}

// loadChannel pairs a worker with the channel that feeds its load.
type loadChannel struct {
	ch   chan int
	resp chan struct{}
}

// load feeds each worker through a channel of its own and closes each
// one once: the range variable holds another element's channel on
// every iteration.
func load(items []int, pick func(int) *worker) {
	chans := map[*worker]loadChannel{}
	for _, it := range items {
		w := pick(it)
		lc, ok := chans[w]
		if !ok {
			lc = loadChannel{ch: make(chan int, len(items)), resp: make(chan struct{})}
			chans[w] = lc
		}
		lc.ch <- it
	}
	for _, lc := range chans {
		close(lc.ch)
		<-lc.resp
	}
}

// stopEach closes each element's own channel, with the element copied
// into a variable declared outside the loop.
func stopEach(chans []loadChannel) {
	var lc loadChannel
	for i := range chans {
		lc = chans[i]
		close(lc.ch)
	}
}

// stopSame closes the channel of one struct value on every iteration.
func stopSame(lc loadChannel, n int) {
	for i := 0; i < n; i++ {
		close(lc.ch) // want `lc.ch closed a second time`
	}
}
