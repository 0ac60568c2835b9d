package logstream

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestStopWithActiveSenders(t *testing.T) {
	var buf bytes.Buffer
	s := NewStreamer(context.Background(), &buf)

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			src := fmt.Sprintf("pod-%d", i)
			for n := 0; ; n++ {
				if !s.Send(Line{Source: src, Text: fmt.Sprintf("request %d handled", n)}) {
					return
				}
			}
		}(i)
	}
	time.Sleep(5 * time.Millisecond)
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if buf.Len() == 0 {
		t.Fatal("nothing shipped")
	}
}
