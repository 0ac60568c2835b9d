// Correct: every test builds its own reader and closes its lines channel only after that reader's senders are done.
package g1_reader_per_test

import (
	"errors"
	"sync"
	"testing"
)

func TestCountConcurrentFeeders(t *testing.T) {
	t.Parallel()
	r := newMockReader()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.lines <- "row"
			r.lines <- "   "
		}()
	}
	go func() {
		wg.Wait()
		close(r.lines)
	}()
	n, err := CountNonBlank(r)
	if err != nil || n != 3 {
		t.Fatalf("got (%d, %v), want (3, nil)", n, err)
	}
}

func TestCountScripted(t *testing.T) {
	t.Parallel()
	r := newScriptedReader([]string{"a", "", "b", "c"})
	go func() {
		<-r.fed
		close(r.lines)
	}()
	n, err := CountNonBlank(r)
	if err != nil || n != 3 {
		t.Fatalf("got (%d, %v), want (3, nil)", n, err)
	}
}

func TestCountStopsOnError(t *testing.T) {
	t.Parallel()
	r := newMockReader()
	boom := errors.New("read failed")
	go func() {
		r.errs <- boom
	}()
	if _, err := CountNonBlank(r); !errors.Is(err, boom) {
		t.Fatalf("got %v, want %v", err, boom)
	}
	// The only sender has delivered its single value; nobody else holds r.
	close(r.lines)
}
