package subscribed

import (
	"errors"
	"testing"
	"time"
)

// The timeout case fails the test: the close follows the one send.
func TestRegisterInline(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	select {
	case <-r:
	case <-time.After(time.Second):
		t.Fatalf("no initial state")
	}
	cache.Deregister(r)
	close(r)
}

// A timeout that reports the failure and goes on: only a failed run
// reaches the close without the value.
func TestRegisterErrorf(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	select {
	case <-r:
	case <-time.After(time.Second):
		t.Errorf("no initial state")
	}
	close(r)
}

// The same receive in a helper.
func TestRegisterHelper(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	expectEvent(t, r)
	cache.Deregister(r)
	close(r)
}

func expectEvent(t *testing.T, r chan Event) {
	select {
	case <-r:
	case <-time.After(time.Second):
		t.Fatalf("did not receive an event")
	}
}

// A helper whose timeout returns an error its caller returns on.
func firstEvent(r chan Event) (Event, error) {
	select {
	case e := <-r:
		return e, nil
	case <-time.After(time.Second):
		return Event{}, errors.New("timeout")
	}
}

func subscribeOnce(cache *Cache) error {
	r := make(chan Event)
	go cache.Register(r)
	for {
		select {
		case <-r:
			cache.Deregister(r)
			close(r)
			return nil
		case <-time.After(time.Millisecond):
			continue // still waiting for the first state
		}
	}
}

// A timeout that only logs goes on to the close: reported.
func TestRegisterLogs(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	select {
	case <-r:
	case <-time.After(time.Second):
		t.Logf("slow")
	}
	cache.Deregister(r)
	close(r) // want `r closed by its receiver while another goroutine sends on it`
}

// A select with a default may not have received.
func TestRegisterPoll(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	select {
	case <-r:
	default:
	}
	close(r) // want `r closed by its receiver while another goroutine sends on it`
}

// Two goroutines send once each; one receive leaves one send.
func TestRegisterTwice(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	go cache.Register(r)
	expectEvent(t, r)
	close(r) // want `r closed by its receiver while another goroutine sends on it`
}

// A helper whose timeout only logs.
func TestRegisterLogHelper(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	waitLogged(t, r)
	close(r) // want `r closed by its receiver while another goroutine sends on it`
}

func waitLogged(t *testing.T, r chan Event) {
	select {
	case <-r:
	case <-time.After(time.Second):
		t.Log("slow")
	}
}

// A helper whose timeout returns an error the caller ignores.
func TestRegisterIgnored(t *testing.T) {
	cache := NewCache()
	r := make(chan Event)
	go cache.Register(r)
	firstEvent(r)
	close(r) // want `r closed by its receiver while another goroutine sends on it`
}

var _ = subscribeOnce
var _ = Wait
