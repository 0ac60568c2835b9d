package bufpool

import (
	"bytes"
	"testing"
	"time"
)

func TestReuse(t *testing.T) {
	p := New(2)
	b := p.Get()
	b.WriteString("hello")
	p.Put(b)
	if got := p.Get(); got.Len() != 0 {
		t.Fatalf("reused buffer not reset: %q", got.String())
	}
}

func TestGetAfterClose(t *testing.T) {
	p := New(4)
	p.Put(p.Get())
	p.Close()

	handed := make(chan *bytes.Buffer)
	go func() {
		defer func() { recover() }()
		b := p.Get()
		handed <- b
	}()

	select {
	case b := <-handed:
		t.Fatalf("closed pool handed out a buffer (%p)", b)
	case <-time.After(50 * time.Millisecond):
	}
}
