package b4_batch_flusher

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFlushOnStop(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	fl, err := New(path, 100, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	fl.Start()
	for _, s := range []string{"a", "b", "c"} {
		if err := fl.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(10 * time.Millisecond)
	if err := fl.Stop(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if got := strings.Count(string(data), "\n"); got != 3 {
		t.Fatalf("got %d lines, want 3", got)
	}
	if err := fl.Add("d"); err != ErrStopped {
		t.Fatalf("Add after Stop = %v, want ErrStopped", err)
	}
}
