package b1_stream_acks

import "testing"

func TestBrokerOpenDelete(t *testing.T) {
	b := NewBroker(4)
	s := b.Open("orders")
	if s != b.Open("orders") {
		t.Fatal("Open returned a different stream for the same topic")
	}
	seq, err := s.Append([]byte("a"))
	if err != nil || seq != 1 {
		t.Fatalf("Append = %d, %v", seq, err)
	}
	r := <-s.Records()
	s.Ack(r.Seq)
	b.Delete("orders")
	if _, err := s.Append([]byte("b")); err != ErrClosed {
		t.Fatalf("Append after Delete = %v, want ErrClosed", err)
	}
}
