// GOOD: the validation tests copy the hook fixture, but NewReloader returns an error
// before starting the poller, so OnReload (and its unbuffered send) can never run there.

package reload

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReloaderSeesChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.conf")
	if err := os.WriteFile(path, []byte("a=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	reloaded := make(chan string)
	r, err := NewReloader(Config{
		Path:     path,
		Interval: 5 * time.Millisecond,
		OnReload: func(p string) { reloaded <- p },
	})
	if err != nil {
		t.Fatalf("NewReloader: %v", err)
	}
	defer r.Close()

	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, future, future); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-reloaded:
		if got != path {
			t.Fatalf("reloaded %q, want %q", got, path)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no reload observed")
	}
}

func TestNewReloaderRequiresPath(t *testing.T) {
	reloaded := make(chan string)
	_, err := NewReloader(Config{
		Interval: 5 * time.Millisecond,
		OnReload: func(p string) { reloaded <- p },
	})
	if err == nil {
		t.Fatal("expected error for empty path")
	}
}

func TestNewReloaderRequiresInterval(t *testing.T) {
	reloaded := make(chan string)
	_, err := NewReloader(Config{
		Path:     filepath.Join(t.TempDir(), "missing.conf"),
		OnReload: func(p string) { reloaded <- p },
	})
	if err == nil {
		t.Fatal("expected error for zero interval")
	}
}
