// Command refresher shows how to keep an access token fresh in the
// background while request handlers read the current value.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"log"
	"sync"
	"time"
)

type Token struct {
	Value     string
	ExpiresAt time.Time
}

type TokenSource struct {
	mu    sync.RWMutex
	cur   Token
	ttl   time.Duration
	fetch func() (string, error)
}

func (s *TokenSource) Current() Token {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur
}

func (s *TokenSource) refresh() {
	v, err := s.fetch()
	if err != nil {
		log.Printf("refresh failed, keeping old token: %v", err)
		return
	}
	s.mu.Lock()
	s.cur = Token{Value: v, ExpiresAt: time.Now().Add(s.ttl)}
	s.mu.Unlock()
	log.Printf("token refreshed, expires in %v", s.ttl)
}

// Refresh keeps the token fresh, renewing it at two thirds of its lifetime.
func (s *TokenSource) Refresh() {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for ; ; <-timer.C {
		s.refresh()
		timer.Reset(s.ttl * 2 / 3)
	}
}

func fakeIssuer() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func callAPI(src *TokenSource, n int) {
	for i := 0; ; i++ {
		tok := src.Current()
		if tok.Value == "" {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if i%n == 0 {
			log.Printf("calling API with token %s… (valid until %s)",
				tok.Value[:6], tok.ExpiresAt.Format(time.TimeOnly))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func main() {
	src := &TokenSource{ttl: 3 * time.Second, fetch: fakeIssuer}
	go src.Refresh()
	go callAPI(src, 10)

	// Hold the demo open long enough to see a few refreshes.
	time.Sleep(10 * time.Second)
}
