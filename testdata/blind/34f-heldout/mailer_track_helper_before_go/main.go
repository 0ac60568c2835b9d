// GOOD: Send calls m.track(), which does m.wg.Add(1), in the caller's goroutine before
// the `go` statement, and the goroutine only runs the returned done func; main calls
// every Send before Close, so all Adds precede Close's m.wg.Wait().
package main

import (
	"fmt"
	"net/mail"
	"sync"
	"time"
)

type Message struct {
	To      string
	Subject string
	Body    string
}

// Mailer sends messages asynchronously through a transport.
type Mailer struct {
	transport func(Message) error

	mu     sync.Mutex
	sent   int
	bounce []string
	wg     sync.WaitGroup
}

func NewMailer(transport func(Message) error) *Mailer {
	return &Mailer{transport: transport}
}

// track registers one unit of in-flight work and returns its completion func.
func (m *Mailer) track() (done func()) {
	m.wg.Add(1)
	return m.wg.Done
}

// Send validates msg and delivers it in the background.
func (m *Mailer) Send(msg Message) error {
	if _, err := mail.ParseAddress(msg.To); err != nil {
		return fmt.Errorf("mailer: bad recipient %q: %w", msg.To, err)
	}
	done := m.track()
	go func() {
		defer done()
		err := m.transport(msg)
		m.mu.Lock()
		defer m.mu.Unlock()
		if err != nil {
			m.bounce = append(m.bounce, msg.To)
			return
		}
		m.sent++
	}()
	return nil
}

// Close waits for all queued deliveries.
func (m *Mailer) Close() (sent int, bounced []string) {
	m.wg.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sent, append([]string(nil), m.bounce...)
}

func main() {
	m := NewMailer(func(msg Message) error {
		time.Sleep(time.Millisecond)
		if msg.To == "nobody@invalid.example" {
			return fmt.Errorf("550 no such user")
		}
		return nil
	})

	for _, to := range []string{"ops@example.com", "nobody@invalid.example", "not-an-address", "dev@example.com"} {
		if err := m.Send(Message{To: to, Subject: "nightly report", Body: "all green"}); err != nil {
			fmt.Println(err)
		}
	}

	sent, bounced := m.Close()
	fmt.Printf("sent=%d bounced=%v\n", sent, bounced)
}
