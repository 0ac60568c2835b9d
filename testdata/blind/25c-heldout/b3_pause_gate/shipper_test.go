package b3_pause_gate

import (
	"bytes"
	"testing"
)

func TestShipAfterCompaction(t *testing.T) {
	var buf bytes.Buffer
	s := NewShipper(&buf)
	s.BeginCompaction()
	done := make(chan error, 1)
	go func() { done <- s.Ship(Segment{Seq: 7, Data: []byte("abc")}) }()
	s.EndCompaction()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if s.Shipped() != 7 {
		t.Fatalf("shipped = %d, want 7", s.Shipped())
	}
}
