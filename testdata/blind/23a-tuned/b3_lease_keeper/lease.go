package b3_lease_keeper

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"
)

// ErrLeaseLost is returned when the lease could not be renewed in time.
var ErrLeaseLost = errors.New("lease lost")

// Renewer renews a lease with the coordination service.
type Renewer interface {
	Renew(ctx context.Context, id string) error
}

// Keeper keeps a lease alive until its context is cancelled.
type Keeper struct {
	id      string
	renewer Renewer
	every   time.Duration

	mu      sync.Mutex
	err     error
	lost    context.Context
	release context.CancelFunc
}

// NewKeeper returns a keeper for lease id; call Run to start renewing.
func NewKeeper(id string, r Renewer, every time.Duration) *Keeper {
	lost, release := context.WithCancel(context.Background())
	return &Keeper{id: id, renewer: r, every: every, lost: lost, release: release}
}

// Run starts renewing the lease in the background until ctx is done.
func (k *Keeper) Run(ctx context.Context) {
	t := time.NewTicker(k.every)
	go func() { // BAD: fail only releases on ErrLeaseLost; ctx.Err() is Canceled/DeadlineExceeded, so k.lost never closes and the loop spins
		defer t.Stop()
		for {
			select {
			case <-t.C:
				rctx, cancel := context.WithTimeout(ctx, k.every/2)
				err := k.renewer.Renew(rctx, k.id)
				cancel()
				if err != nil && ctx.Err() == nil {
					// errors caused by our own shutdown are not a lost lease
					k.fail(ErrLeaseLost)
				}
			case <-ctx.Done():
				k.fail(ctx.Err())
			case <-k.lost.Done():
				return
			}
		}
	}()
}

// fail records err; only a lost lease tears the keeper down.
func (k *Keeper) fail(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err == nil {
		k.err = err
	}
	if errors.Is(err, ErrLeaseLost) {
		log.Printf("lease %s: %v", k.id, err)
		k.release()
	}
}

// Lost is closed when the lease is gone.
func (k *Keeper) Lost() <-chan struct{} { return k.lost.Done() }

// Err returns the first error seen by the keeper.
func (k *Keeper) Err() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.err
}
