package limiter

import "context"

// Limiter bounds the number of concurrent holders.
type Limiter struct {
	slots chan struct{}
}

func New(n int) *Limiter {
	return &Limiter{slots: make(chan struct{}, n)}
}

func (l *Limiter) Acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *Limiter) Release() {
	<-l.slots
}

func (l *Limiter) InUse() int { return len(l.slots) }
