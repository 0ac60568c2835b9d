package stopped

import (
	"crypto/sha256"
	"testing"
	"time"
)

// Manifest's Seal is idempotent: it does its work under if !m.sealed
// and sets the flag, so the flag is set when any call returns. Add
// panics once it is set. Seal hashes through hash.Hash, an interface.
type Manifest struct {
	paths  []string
	sealed bool
	digest [32]byte
}

func (m *Manifest) Add(path string) int {
	if m.sealed {
		panic("add after seal")
	}
	m.paths = append(m.paths, path)
	return len(m.paths)
}

func (m *Manifest) Seal() [32]byte {
	if !m.sealed {
		h := sha256.New()
		for _, p := range m.paths {
			h.Write([]byte(p))
		}
		copy(m.digest[:], h.Sum(nil))
		m.sealed = true
	}
	return m.digest
}

// Sealed before the goroutine starts: its Add can only panic, and the
// send never runs, whatever the test calls later.
func TestAddAfterSeal(t *testing.T) {
	var m Manifest
	m.Add("README")
	before := m.Seal()
	counts := make(chan int)
	go func() {
		defer func() { recover() }()
		n := m.Add("LICENSE")
		counts <- n
	}()
	select {
	case n := <-counts:
		t.Fatalf("Add after Seal accepted entry #%d", n)
	case <-time.After(10 * time.Millisecond):
	}
	if m.Seal() != before {
		t.Fatal("digest changed")
	}
}

// Draft's Seal sets the flag only when there is something to seal: Add
// on an empty draft returns and the send blocks.
type Draft struct {
	paths  []string
	sealed bool
}

func (d *Draft) Add(path string) int {
	if d.sealed {
		panic("add after seal")
	}
	d.paths = append(d.paths, path)
	return len(d.paths)
}

func (d *Draft) Seal() {
	if len(d.paths) > 0 {
		d.sealed = true
	}
}

func TestDraftAddAfterSeal(t *testing.T) {
	var d Draft
	d.Seal()
	counts := make(chan int) // want `goroutine leak: the send on unbuffered channel counts blocks forever`
	go func() {
		defer func() { recover() }()
		counts <- d.Add("LICENSE")
	}()
	select {
	case n := <-counts:
		t.Fatalf("Add after Seal accepted entry #%d", n)
	case <-time.After(10 * time.Millisecond):
	}
}
