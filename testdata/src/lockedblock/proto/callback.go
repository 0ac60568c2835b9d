package proto

import (
	"sync"
	"time"
)

// A publisher runs the callback it is handed on a goroutine of its
// own, once the message is acknowledged.
type publisher interface {
	PublishAsync(msg string, ack func(id string, err error)) string
}

// The ack callback takes glock and sends while holding it; main takes
// glock only before it hands the callback over, and releases it before
// it receives: the callback cannot hold glock while main waits for it.
// Silent.
func publishOnce(p publisher) {
	ch := make(chan bool)
	var glock sync.Mutex
	var guid string
	acb := func(id string, err error) {
		glock.Lock()
		defer glock.Unlock()
		if id != guid {
			return
		}
		ch <- true
	}
	glock.Lock()
	guid = p.PublishAsync("m", acb)
	glock.Unlock()
	select {
	case <-ch:
	case <-time.After(time.Second):
	}
}

// Here main hands the callback over first and takes glock after: the
// callback may already hold it, blocked on its send, when main's Lock
// waits for it.
func publishLate(p publisher) {
	ch := make(chan bool)
	var glock sync.Mutex
	acb := func(id string, err error) {
		glock.Lock()
		defer glock.Unlock()
		ch <- true // want `send on ch while holding glock, which the goroutine that receives from it must lock first`
	}
	p.PublishAsync("m", acb)
	glock.Lock()
	glock.Unlock()
	<-ch
}
