package recorder

import (
	"fmt"
	"io"
	"time"
)

// Report prints n samples to w.
func Report(w io.Writer, n int) error {
	var r Recorder
	ch, err := r.Start(10*time.Millisecond, 4)
	if err != nil {
		return err
	}
	defer r.Stop()
	for i := 0; i < n; i++ {
		s, ok := <-ch
		if !ok {
			break
		}
		fmt.Fprintf(w, "%s goroutines=%d heap=%d\n", s.At.Format(time.RFC3339Nano), s.Goroutines, s.HeapBytes)
	}
	fmt.Fprintf(w, "dropped=%d\n", r.Dropped())
	return nil
}
