package pertestshared

import "testing"

// The shared reader is one object for every test: a goroutine of one
// test may still send on it when another test closes it.
func TestSharedFeed(t *testing.T) {
	t.Parallel()
	go func() {
		shared.readChan <- nil
	}()
	shared.Read()
}

func TestSharedClose(t *testing.T) {
	t.Parallel()
	close(shared.readChan) // want `shared.readChan closed while another goroutine may still send on it`
}
