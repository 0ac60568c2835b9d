// Correct: every balance/version write happens between lockPair and unlockPair (directly or via applyLocked), and the retry path writes nothing.
package g1_wallet_retry

import (
	"errors"
	"sync"
)

var ErrFunds = errors.New("wallet: insufficient funds")

type Wallet struct {
	id      uint32
	mu      sync.Mutex
	balance int64
	version uint64
	history []int64
}

func NewWallet(id uint32, initial int64) *Wallet {
	return &Wallet{id: id, balance: initial}
}

type snapshot struct {
	balance int64
	version uint64
}

func (w *Wallet) snapshot() snapshot {
	w.mu.Lock()
	defer w.mu.Unlock()
	return snapshot{w.balance, w.version}
}

// applyLocked must be called with w.mu held.
func (w *Wallet) applyLocked(delta int64) {
	w.balance += delta
	w.version++
	w.history = append(w.history, delta)
}

func lockPair(a, b *Wallet) {
	first, second := a, b
	if b.id < a.id {
		first, second = b, a
	}
	first.mu.Lock()
	second.mu.Lock()
}

func unlockPair(a, b *Wallet) {
	a.mu.Unlock()
	b.mu.Unlock()
}

// Transfer computes the fee from an unlocked snapshot (the fee schedule may be
// slow), then commits optimistically, retrying if src changed meanwhile.
func Transfer(src, dst *Wallet, amount int64, fee func(balance int64) int64) error {
	for {
		snap := src.snapshot()
		f := fee(snap.balance)
		if snap.balance < amount+f {
			return ErrFunds
		}

		lockPair(src, dst)
		if src.version != snap.version {
			unlockPair(src, dst)
			continue
		}
		src.applyLocked(-(amount + f))
		dst.applyLocked(amount)
		dst.version++ // extra bump: credited side gets a fresh version for watchers
		unlockPair(src, dst)
		return nil
	}
}

func (w *Wallet) Balance() int64 { return w.snapshot().balance }

// Fanout sends amount from src to each destination concurrently.
func Fanout(src *Wallet, dsts []*Wallet, amount int64) []error {
	errs := make([]error, len(dsts))
	var wg sync.WaitGroup
	for i, d := range dsts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Transfer(src, d, amount, func(b int64) int64 {
				if b > 1000 {
					return 0
				}
				return 1
			})
		}()
	}
	wg.Wait()
	return errs
}
