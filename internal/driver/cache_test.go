package driver

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheTrim checks the cache's go-command-like policy: an entry read
// is marked used, and a sweep removes only entries unused for five days,
// at most once a day.
func TestCacheTrim(t *testing.T) {
	c := &cache{dir: t.TempDir()}
	old, fresh, read := [32]byte{1}, [32]byte{2}, [32]byte{3}
	for _, k := range [][32]byte{old, fresh, read} {
		c.put(k, &entry{Result: &pkgResult{}})
	}
	long := time.Now().Add(-6 * 24 * time.Hour)
	for _, k := range [][32]byte{old, read} {
		if err := os.Chtimes(c.file(k), long, long); err != nil {
			t.Fatal(err)
		}
	}
	if c.get(read) == nil {
		t.Fatal("an entry just put is not found")
	}
	c.trim(time.Now())
	exists := func(k [32]byte) bool {
		_, err := os.Stat(c.file(k))
		return err == nil
	}
	if exists(old) {
		t.Error("an entry unused for six days survived the sweep")
	}
	if !exists(fresh) || !exists(read) {
		t.Error("the sweep removed an entry used today")
	}

	// A second sweep the same day does nothing.
	if err := os.Chtimes(c.file(fresh), long, long); err != nil {
		t.Fatal(err)
	}
	c.trim(time.Now())
	if !exists(fresh) {
		t.Error("a second sweep within a day removed an entry")
	}
	if _, err := os.Stat(filepath.Join(c.dir, "trim.txt")); err != nil {
		t.Error(err)
	}
}
