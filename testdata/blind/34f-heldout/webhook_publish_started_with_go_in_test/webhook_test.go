package webhook

import (
	"sync/atomic"
	"testing"
)

func TestCloseWaitsForPublish(t *testing.T) {
	p := NewPublisher()
	var hits atomic.Int32
	p.Register("billing", func(Event) error { hits.Add(1); return nil })
	p.Register("audit", func(Event) error { hits.Add(1); return nil })

	for _, topic := range []string{"invoice.paid", "invoice.voided", "refund.created"} {
		go p.Publish(Event{Topic: topic, Body: []byte(`{}`)})
	}

	delivered, err := p.Close()
	if err != nil {
		t.Fatalf("Close: %v", err)
	}
	if delivered != 6 {
		t.Fatalf("delivered = %d, want 6", delivered)
	}
	if got := hits.Load(); got != 6 {
		t.Fatalf("endpoint hits = %d, want 6", got)
	}
}
