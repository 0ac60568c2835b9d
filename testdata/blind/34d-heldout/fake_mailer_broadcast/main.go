// GOOD: the fake Mailer sends each message on a channel the test never receives from,
// but the channel is buffered to len(recipients), one slot per possible send.

// Package digest sends a weekly digest email to subscribers.
package digest

import (
	"fmt"
	"strings"
)

// Message is an outgoing email.
type Message struct {
	To      string
	Subject string
	Body    string
}

// Mailer delivers messages.
type Mailer interface {
	Send(m Message) error
}

// Sender renders and sends digests.
type Sender struct {
	mailer Mailer
	from   string
}

// NewSender returns a Sender using mailer.
func NewSender(mailer Mailer, from string) *Sender {
	return &Sender{mailer: mailer, from: from}
}

// SendDigest sends one message per recipient and returns how many were sent.
// It stops at the first delivery error.
func (s *Sender) SendDigest(recipients []string, items []string) (int, error) {
	if len(items) == 0 {
		return 0, nil
	}
	body := "This week:\n- " + strings.Join(items, "\n- ")
	sent := 0
	for _, to := range recipients {
		if !strings.Contains(to, "@") {
			continue
		}
		msg := Message{To: to, Subject: fmt.Sprintf("Digest from %s", s.from), Body: body}
		if err := s.mailer.Send(msg); err != nil {
			return sent, fmt.Errorf("digest: send to %s: %w", to, err)
		}
		sent++
	}
	return sent, nil
}
