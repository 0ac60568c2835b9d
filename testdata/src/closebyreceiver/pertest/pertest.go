// Package pertest: a reader component whose tests each build their own
// mock reader with a constructor, feed it from goroutines of their own
// and close its channel when they are done with it.
package pertest

type mockReader struct {
	readChan chan error
	done     chan struct{}
}

func newMockReader() *mockReader {
	return &mockReader{readChan: make(chan error), done: make(chan struct{})}
}

// newFedReader makes a reader and starts the goroutine that feeds it.
func newFedReader(n int) *mockReader {
	r := &mockReader{readChan: make(chan error), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for i := 0; i < n; i++ {
			r.readChan <- nil
		}
	}()
	return r
}

// newBlockedReader is a mock reader whose done channel no feeder
// closes.
func newBlockedReader() *mockReader {
	r := newMockReader()
	r.done = make(chan struct{})
	return r
}

// feed starts a goroutine that sends n values on the reader's channel.
func (r *mockReader) feed(n int) {
	go func() {
		for i := 0; i < n; i++ {
			r.readChan <- nil
		}
	}()
}

// Read is what the component under test calls.
func (r *mockReader) Read() error {
	return <-r.readChan
}
