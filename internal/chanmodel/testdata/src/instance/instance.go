// Package instance: which object the channel field a goroutine sends
// on belongs to, in the terms of the function that starts it.
package instance

type stream struct{ sendc chan int }

func (s *stream) loop() {
	for i := 0; ; i++ {
		s.sendc <- i
	}
}

// The receiver: the component the method was called on.
func (s *stream) Start() {
	go s.loop() // want `sendc: outer`
}

// Made here and returned inside the value the constructor returns.
type Client struct{ *stream }

func Dial() Client {
	cli := &stream{sendc: make(chan int)}
	go cli.loop() // want `sendc: handed`
	return Client{cli}
}

// Made here and handed only to a callback: another instance than any
// a closer elsewhere is shown to reach.
func Serve(handle func(*stream)) {
	srv := &stream{sendc: make(chan int)}
	go func() { // want `sendc: local`
		srv.sendc <- 1
	}()
	handle(srv)
}

// Made by a constructor call and kept.
func newStream() *stream { return &stream{sendc: make(chan int)} }

func Once() int {
	s := newStream()
	go s.loop() // want `sendc: local`
	return <-s.sendc
}

// Taken from a slice: the model cannot name it.
func StartAll(ss []*stream) {
	for _, s := range ss {
		go s.loop() // want `sendc: unknown`
	}
}
