package bundle

import (
	"testing"
	"time"
)

func TestSealIsStable(t *testing.T) {
	var a, b Manifest
	a.Add("x", []byte("1"))
	a.Add("y", []byte("2"))
	b.Add("y", []byte("2"))
	b.Add("x", []byte("1"))
	if a.Seal() != b.Seal() {
		t.Fatal("digest depends on insertion order")
	}
}

func TestAddAfterSeal(t *testing.T) {
	var m Manifest
	m.Add("README", []byte("hi"))
	before := m.Seal()

	counts := make(chan int)
	go func() {
		defer func() { recover() }()
		n := m.Add("LICENSE", []byte("MIT"))
		counts <- n
	}()

	select {
	case n := <-counts:
		t.Fatalf("Add after Seal accepted entry #%d", n)
	case <-time.After(30 * time.Millisecond):
	}
	if m.Seal() != before {
		t.Fatal("sealed digest changed")
	}
}
