// GOOD: OnMessage sends on s.replyCh under s.mu only if s.awaitingID is non-empty and matches; only Ask sets it (in setReply,
// right before unlocking and receiving) and OnMessage clears it before sending, so the send can only happen once Ask is past its Lock.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

type Message struct {
	ID        string
	InReplyTo string
	Text      string
}

type Session struct {
	mu          sync.Mutex
	counter     int
	awaitingID  string
	unsolicited []Message
	replyCh     chan Message
	outbox      chan Message
}

func NewSession() *Session {
	s := &Session{replyCh: make(chan Message), outbox: make(chan Message, 8)}
	go s.peer()
	return s
}

// peer stands in for the remote side: it answers every question and sometimes chats on its own.
func (s *Session) peer() {
	for q := range s.outbox {
		s.OnMessage(Message{ID: "srv-note", Text: "typing..."})
		s.OnMessage(Message{ID: "srv-" + q.ID, InReplyTo: q.ID, Text: "echo: " + q.Text})
	}
}

// OnMessage is the transport callback for every inbound message.
func (s *Session) OnMessage(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.awaitingID == "" || m.InReplyTo != s.awaitingID {
		s.unsolicited = append(s.unsolicited, m)
		return
	}
	s.awaitingID = ""
	s.replyCh <- m
}

func (s *Session) setReply() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counter++
	s.awaitingID = "q" + strconv.Itoa(s.counter)
	return s.awaitingID
}

// Ask sends a question and waits for the answer. Calls must not overlap.
func (s *Session) Ask(text string) string {
	id := s.setReply()
	s.outbox <- Message{ID: id, Text: text}
	reply := <-s.replyCh
	return reply.Text
}

func main() {
	s := NewSession()
	fmt.Println(s.Ask("hello"))
	fmt.Println(s.Ask("how are you"))
	s.mu.Lock()
	fmt.Println("unsolicited:", len(s.unsolicited))
	s.mu.Unlock()
}
