package pertest

import "testing"

// Each test closes the channel of the reader it made, after its own
// feeder is done; the other tests' feeders send on their own readers.
func TestOne(t *testing.T) {
	r := newMockReader()
	fed := make(chan struct{})
	go func() {
		defer close(fed)
		r.readChan <- nil
	}()
	if err := r.Read(); err != nil {
		t.Fatal(err)
	}
	<-fed
	close(r.readChan)
}

// Fed by the helper: its goroutine sends on this test's reader only.
func TestFeedHelper(t *testing.T) {
	r := newMockReader()
	r.feed(1)
	r.Read()
}

func TestBlocked(t *testing.T) {
	r := newBlockedReader()
	go func() {
		r.readChan <- nil
	}()
	r.Read()
}

func TestTwo(t *testing.T) {
	r := newMockReader()
	go func() {
		r.readChan <- nil
		r.readChan <- nil
	}()
	r.Read()
	r.Read()
}

// The reader's own feeder is still at work when the test closes its
// channel: the test read one value of two.
func TestFedEarly(t *testing.T) {
	r := newFedReader(2)
	r.Read()
	close(r.readChan) // want `r.readChan closed by its receiver while another goroutine sends on it`
}
