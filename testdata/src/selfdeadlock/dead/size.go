package dead

// A cacheWatcher whose buffer size comes from its constructor's callers:
// every caller passes 0, so result is unbuffered, and nothing
// receives from it.

type cacheWatcher struct {
	input  chan int
	result chan int
}

func newCacheWatcher(chanSize int, initial []int) *cacheWatcher {
	w := &cacheWatcher{input: make(chan int, chanSize), result: make(chan int, chanSize)}
	go w.process(initial)
	return w
}

func (w *cacheWatcher) process(initial []int) {
	for _, e := range initial {
		w.send(e)
	}
	for range w.input {
	}
}

func (w *cacheWatcher) send(e int) {
	w.result <- e // want `send on unbuffered channel w.result blocks forever: nothing receives from it`
}

func (w *cacheWatcher) stop() { close(w.input) }

func watchCache() {
	w := newCacheWatcher(0, []int{1, 2})
	w.input <- 3
	w.stop()
}

// Silent: one caller gives the channel a buffer.

type feed struct {
	out chan int
}

func newFeed(size int) *feed { return &feed{out: make(chan int, size)} }

func (f *feed) put(v int) {
	f.out <- v
}

func feeds() {
	newFeed(0).put(1)
	newFeed(16).put(2)
}

// Silent: an exported constructor's callers are not all seen.

type Pipe struct {
	out chan int
}

func NewPipe(size int) *Pipe { return &Pipe{out: make(chan int, size)} }

func (p *Pipe) put(v int) {
	p.out <- v
}

func pipes() {
	NewPipe(0).put(1)
}
