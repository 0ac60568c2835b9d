package lines

import (
	"io"
	"strings"
	"testing"
)

func TestReaderCountsRecords(t *testing.T) {
	input := "a=1\nb=2\n\nc=3\n"
	pr, pw := io.Pipe()

	counted := make(chan int)
	go func() {
		r := NewReader(pr)
		n := 0
		for {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Errorf("Next: %v", err)
				break
			}
			if rec.Key == "" {
				continue
			}
			n++
		}
		counted <- n
	}()

	if _, err := io.Copy(pw, strings.NewReader(input)); err != nil {
		t.Fatalf("copy: %v", err)
	}
	pw.Close()

	if got := <-counted; got != 3 {
		t.Fatalf("got %d records, want 3", got)
	}
}
