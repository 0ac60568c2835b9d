// Package actor runs a single-threaded state machine fed by a mailbox.
package actor

import (
	"errors"
	"sync"
)

var ErrStopped = errors.New("actor: stopped")

type Message struct {
	Kind string
	Body []byte
}

type Actor struct {
	handle func(Message)
	box    *mailbox
	wg     sync.WaitGroup
}

func New(capacity int, handle func(Message)) *Actor {
	return &Actor{handle: handle, box: newMailbox(capacity)}
}

// Start launches the processing loop.
func (a *Actor) Start() {
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		for {
			m, ok := a.box.take()
			if !ok {
				return
			}
			a.handle(m)
		}
	}()
}

// Tell enqueues m, waiting while the mailbox is full. Telling a stopped
// actor panics with ErrStopped.
func (a *Actor) Tell(m Message) {
	if err := a.box.put(m); err != nil {
		panic(err)
	}
}

func (a *Actor) Stop() {
	a.box.close()
	a.wg.Wait()
}
