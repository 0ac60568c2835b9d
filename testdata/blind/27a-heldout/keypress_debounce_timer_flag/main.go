// GOOD: the WithTimeout context is only a one-shot debounce timer; its cancel is kept solely as a "timer pending"
// flag (nil-checked, reset when the timer fires), and the goroutine always waits out the short deadline, which releases the context.
package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

type SearchBox struct {
	mu       sync.Mutex
	buf      strings.Builder
	pending  context.CancelFunc
	delay    time.Duration
	onSearch func(query string)
	wg       sync.WaitGroup
}

func NewSearchBox(delay time.Duration, onSearch func(string)) *SearchBox {
	return &SearchBox{delay: delay, onSearch: onSearch}
}

// KeyPress appends a rune and arms the debounce timer if none is running.
func (s *SearchBox) KeyPress(r rune) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf.WriteRune(r)
	if s.pending != nil {
		return // a timer is already armed; it will pick up this key too
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.delay)
	s.pending = cancel
	s.wg.Add(1)
	go s.fireAfter(ctx)
}

func (s *SearchBox) fireAfter(ctx context.Context) {
	defer s.wg.Done()
	<-ctx.Done()

	s.mu.Lock()
	s.pending = nil
	query := s.buf.String()
	s.mu.Unlock()

	s.onSearch(query)
}

func (s *SearchBox) Wait() { s.wg.Wait() }

func main() {
	box := NewSearchBox(30*time.Millisecond, func(q string) {
		fmt.Printf("searching for %q\n", q)
	})
	for _, r := range "gopher" {
		box.KeyPress(r)
		time.Sleep(2 * time.Millisecond)
	}
	box.Wait()
	for _, r := range "s!" {
		box.KeyPress(r)
	}
	box.Wait()
}
