// Package oncedo: a critical section ended through sync.Once.Do, so
// that a deferred Do and an early one release the lock exactly once
// (testify's Call.Unset).
package oncedo

import "sync"

type Mock struct {
	mutex sync.Mutex
	calls []*Call
}

func (m *Mock) fail(msg string) {
	m.mutex.Lock()
	defer m.mutex.Unlock()
	_ = msg
}

type Call struct {
	Parent     *Mock
	name       string
	unlockOnce sync.Once
}

func (c *Call) unlock() { c.Parent.mutex.Unlock() }

// Unset releases the parent's lock through the Once before fail locks
// it again; the deferred Do then does nothing. Correct.
func (c *Call) Unset() {
	c.Parent.mutex.Lock()
	defer c.unlockOnce.Do(c.unlock)
	for i, call := range c.Parent.calls {
		if call.name == c.name {
			c.Parent.calls = append(c.Parent.calls[:i], c.Parent.calls[i+1:]...)
			return
		}
	}
	c.unlockOnce.Do(c.unlock)
	c.Parent.fail("not found")
}

type Session struct {
	mu       sync.Mutex
	n        int
	logOnce  sync.Once
	closeOne sync.Once
}

func (s *Session) log() {}

func (s *Session) bump() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

// Touch runs a Once whose function does not unlock: s.mu is still held
// when bump locks it.
func (s *Session) Touch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logOnce.Do(s.log)
	s.bump() // want `bump locks s.mu, which is already locked`
}

// Close unlocks through a function literal run by the Once. Correct.
func (s *Session) Close() {
	s.mu.Lock()
	s.closeOne.Do(func() { s.mu.Unlock() })
	s.bump()
}
