// Package window: a test watching a window for what must not happen. // want package:"analyzed, dependencies too"
// Some of the goroutines it started must not get anywhere: it cannot
// wait for them.
package window

// Sub is a subscription whose Read blocks until a message arrives.
type Sub struct{ c chan string }

func (s *Sub) Read() (string, bool) { // want Read:`summary\(joins reads=p0.0\)`
	m, ok := <-s.c
	return m, ok
}

// Bus delivers a published message to one queue subscriber.
type Bus struct{ subs []*Sub }

func (b *Bus) SubscribeQueue() *Sub { // want SubscribeQueue:`summary\(writes=p0.0 reads=p0.0\)`
	s := &Sub{c: make(chan string, 1)}
	b.subs = append(b.subs, s)
	return s
}

func (b *Bus) Publish(m string) { // want Publish:`summary\(reads=p0.0,p0.0\*\[\],p0.0\*\[\]\*.0 sends=p0.0\*\[\]\*.0\*\)`
	if len(b.subs) > 0 {
		b.subs[0].c <- m
	}
}

// equalValues fails t unless want equals got, as testify's does.
func equalValues(t interface{ Fatalf(string, ...any) }, want, got any) {
	if want != got {
		t.Fatalf("want %v, got %v", want, got)
	}
}
