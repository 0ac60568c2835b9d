package uselib

import "closebyreceiver/lib"

// The receive and the close are in another package (facts).
func viaLib() {
	ch := make(chan int)
	go func() {
		for {
			ch <- 1
		}
	}()
	lib.Drain(ch)
	lib.Close(ch) // want `call to lib.Close closes ch from its receiver while another goroutine sends on it`
}

// The sender fills through the library and closes. Correct.
func fillLib() {
	ch := make(chan int, 1)
	go func() {
		lib.Fill(ch)
		lib.Close(ch)
	}()
	lib.Drain(ch)
}

// The close of lib's own channel is lib's finding, reported there once,
// not again at every call.
func useLog() {
	l := lib.NewLog()
	go l.Write(func() {})
	l.Shutdown()
	l.Stop()
}
