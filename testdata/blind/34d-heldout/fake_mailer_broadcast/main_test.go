// GOOD: outbox is buffered with capacity len(recipients) and SendDigest calls Send at
// most once per recipient, so every send in the fake completes though nothing reads it.

package digest

import (
	"testing"
)

type fakeMailer struct {
	outbox chan Message
}

func (f *fakeMailer) Send(m Message) error {
	f.outbox <- m
	return nil
}

func TestSendDigestToEachRecipient(t *testing.T) {
	recipients := []string{"ana@example.com", "bo@example.com", "not-an-address"}
	fm := &fakeMailer{outbox: make(chan Message, len(recipients))}
	s := NewSender(fm, "news@example.com")

	n, err := s.SendDigest(recipients, []string{"release 1.4", "new docs"})
	if err != nil {
		t.Fatalf("SendDigest: %v", err)
	}
	if n != 2 {
		t.Fatalf("sent %d messages, want 2", n)
	}
	if got := len(fm.outbox); got != 2 {
		t.Fatalf("outbox holds %d messages, want 2", got)
	}
}

func TestSendDigestSkipsEmptyDigest(t *testing.T) {
	recipients := []string{"ana@example.com"}
	fm := &fakeMailer{outbox: make(chan Message, len(recipients))}
	s := NewSender(fm, "news@example.com")

	n, err := s.SendDigest(recipients, nil)
	if err != nil || n != 0 {
		t.Fatalf("SendDigest = %d, %v; want 0, nil", n, err)
	}
	if got := len(fm.outbox); got != 0 {
		t.Fatalf("outbox holds %d messages, want 0", got)
	}
}
