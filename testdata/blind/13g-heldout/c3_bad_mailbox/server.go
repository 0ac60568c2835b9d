package notify

import (
	"errors"
	"log"
	"time"
)

var ErrBusy = errors.New("notify: consumer busy")

type Server struct {
	box     *Mailbox
	timeout time.Duration
}

func NewServer(timeout time.Duration) *Server {
	s := &Server{box: NewMailbox(), timeout: timeout}
	go s.deliverLoop()
	return s
}

func (s *Server) Notify(msg Message) error {
	handed := make(chan struct{})
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("notify: dropped message for %s: %v", msg.To, r)
			}
		}()
		s.box.Put(msg)
		handed <- struct{}{}
	}()

	select {
	case <-handed:
		return nil
	case <-time.After(s.timeout):
		return ErrBusy
	}
}

func (s *Server) deliverLoop() {
	for {
		msg, ok := s.box.Take()
		if !ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
		log.Printf("delivered to %s: %d bytes", msg.To, len(msg.Body))
	}
}

func (s *Server) Shutdown() { s.box.Close() }
