package blobcache

import (
	"bytes"
	"sync"
	"testing"
)

func TestReadWhileReplacing(t *testing.T) {
	c := New(1 << 20)
	c.Put("avatar/42", bytes.Repeat([]byte{'a'}, 512))

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				h := c.Get("avatar/42")
				if h == nil {
					continue
				}
				_ = len(h.Bytes())
				h.Close()
			}
		}()
	}
	for j := 0; j < 50; j++ {
		c.Put("avatar/42", bytes.Repeat([]byte{'b'}, 256))
	}
	wg.Wait()
}
