package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Token is a short-lived bearer credential.
type Token struct {
	Value   string
	Expires time.Time
}

// Issuer mints tokens for a client ID.
type Issuer func(ctx context.Context, clientID string) (Token, error)

// TokenKeeper renews a bearer token in the background before it expires.
type TokenKeeper struct {
	issue Issuer

	mu  sync.Mutex
	tok Token

	clientID string
	renewals int
	failures int
	stop     context.CancelFunc
	exited   chan struct{}
}

func NewTokenKeeper(issue Issuer, clientID string) *TokenKeeper {
	k := &TokenKeeper{issue: issue, clientID: clientID}
	k.run()
	return k
}

func (k *TokenKeeper) run() {
	ctx, cancel := context.WithCancel(context.Background())
	k.stop = cancel
	k.exited = make(chan struct{})
	go k.renewLoop(ctx, k.clientID, k.exited)
}

func (k *TokenKeeper) renewLoop(ctx context.Context, clientID string, exited chan struct{}) {
	defer close(exited)
	wait := time.Duration(0)
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		tok, err := k.issue(ctx, clientID)
		if err != nil {
			k.failures++
			wait = time.Millisecond
			continue
		}
		k.mu.Lock()
		k.tok = tok
		k.mu.Unlock()
		k.renewals++
		wait = time.Until(tok.Expires) / 2
	}
}

// Token returns the current credential.
func (k *TokenKeeper) Token() Token {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.tok
}

// Close stops renewing and waits for the renew loop to finish.
func (k *TokenKeeper) Close() {
	k.stop()
	<-k.exited
}

// Rotate switches to a different client ID, restarting the renew loop.
func (k *TokenKeeper) Rotate(clientID string) {
	k.Close()
	fmt.Printf("tokens: %s renewed %d times (%d failures)\n", k.clientID, k.renewals, k.failures)
	k.clientID = clientID
	k.renewals, k.failures = 0, 0
	k.run()
}

func main() {
	var n int
	var nmu sync.Mutex
	issue := func(ctx context.Context, clientID string) (Token, error) {
		nmu.Lock()
		n++
		id := n
		nmu.Unlock()
		if id%4 == 0 {
			return Token{}, fmt.Errorf("issuer busy")
		}
		return Token{Value: fmt.Sprintf("%s.%d", clientID, id), Expires: time.Now().Add(4 * time.Millisecond)}, ctx.Err()
	}
	k := NewTokenKeeper(issue, "svc-billing")
	time.Sleep(10 * time.Millisecond)
	fmt.Println("current:", k.Token().Value)
	k.Rotate("svc-billing-v2")
	time.Sleep(10 * time.Millisecond)
	fmt.Println("current:", k.Token().Value)
	k.Close()
}
