// GOOD: the promise's value is stored once (a second Set is ignored) and never cleared,
// and Broadcast only follows that store under the same lock, so Get may wait under `if`.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Promise holds a value that becomes available exactly once.
type Promise[T any] struct {
	mu       sync.Mutex
	cond     *sync.Cond
	resolved bool
	value    T
	err      error
}

func NewPromise[T any]() *Promise[T] {
	p := &Promise[T]{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// Set resolves the promise. Only the first call has any effect.
func (p *Promise[T]) Set(v T, err error) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.resolved {
		return false
	}
	p.value, p.err = v, err
	p.resolved = true
	p.cond.Broadcast()
	return true
}

// Get blocks until the promise is resolved.
func (p *Promise[T]) Get() (T, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.resolved {
		p.cond.Wait()
	}
	return p.value, p.err
}

type profile struct {
	User  string
	Email string
}

func fetchProfile(user string) *Promise[profile] {
	p := NewPromise[profile]()
	go func() {
		time.Sleep(5 * time.Millisecond)
		if user == "" {
			p.Set(profile{}, errors.New("empty user"))
			return
		}
		p.Set(profile{User: user, Email: user + "@example.com"}, nil)
	}()
	return p
}

func main() {
	p := fetchProfile("alice")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			prof, err := p.Get()
			if err != nil {
				fmt.Println("reader", i, "error:", err)
				return
			}
			fmt.Println("reader", i, "got", prof.Email)
		}(i)
	}
	wg.Wait()
	if !p.Set(profile{User: "mallory"}, nil) {
		fmt.Println("second Set ignored")
	}
}
