package segment

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestWorkersShareSegment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "00000000000000001000.log")
	if err := os.WriteFile(path, []byte(strings.Repeat("record\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	seg, err := Open(path, 1000)
	if err != nil {
		t.Fatal(err)
	}

	workers := []string{"compactor", "replicator", "query"}
	var wg sync.WaitGroup
	for _, name := range workers {
		s := seg.Acquire()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer s.Release()
			for i := 0; ; i++ {
				b, err := s.ReadBlock(i)
				if err != nil || len(b) == 0 {
					break
				}
			}
			t.Logf("%s done with %s (%d bytes)", name, s.Path(), s.Size())
		}()
	}
	if err := seg.Release(); err != nil {
		t.Error(err)
	}
	wg.Wait()
}
