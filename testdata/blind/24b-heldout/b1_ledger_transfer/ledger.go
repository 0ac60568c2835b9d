package b1_ledger_transfer

import (
	"errors"
	"sync"
	"time"
)

var ErrInsufficient = errors.New("ledger: insufficient funds")

// Account is a single ledger account. All fields are guarded by mu.
type Account struct {
	ID         int
	mu         sync.Mutex
	balance    int64
	lastCredit time.Time
	txCount    int
}

// Ledger moves money between accounts. Transfers may run concurrently.
type Ledger struct {
	accounts map[int]*Account
}

func NewLedger(ids ...int) *Ledger {
	l := &Ledger{accounts: make(map[int]*Account)}
	for _, id := range ids {
		l.accounts[id] = &Account{ID: id}
	}
	return l
}

// lockPair locks both accounts in ID order so that two opposite transfers
// cannot deadlock.
func lockPair(a, b *Account) {
	if a.ID < b.ID {
		a.mu.Lock()
		b.mu.Lock()
	} else {
		b.mu.Lock()
		a.mu.Lock()
	}
}

func unlockPair(a, b *Account) {
	a.mu.Unlock()
	b.mu.Unlock()
}

func (l *Ledger) Deposit(id int, amount int64) {
	a := l.accounts[id]
	a.mu.Lock()
	a.balance += amount
	a.lastCredit = time.Now()
	a.txCount++
	a.mu.Unlock()
}

func (l *Ledger) Transfer(from, to int, amount int64) error {
	src, dst := l.accounts[from], l.accounts[to]
	if src == nil || dst == nil || src == dst {
		return errors.New("ledger: bad account")
	}

	lockPair(src, dst)
	if src.balance < amount {
		unlockPair(src, dst)
		return ErrInsufficient
	}
	src.balance -= amount
	dst.balance += amount
	src.txCount++
	unlockPair(src, dst)

	// bookkeeping for the credited side
	dst.txCount++               // BAD: written after unlockPair released dst.mu
	dst.lastCredit = time.Now() // BAD: written after unlockPair released dst.mu
	return nil
}

func (l *Ledger) Balance(id int) int64 {
	a := l.accounts[id]
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

// Settle runs a batch of transfers in parallel.
func (l *Ledger) Settle(batch [][3]int64) []error {
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, t := range batch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = l.Transfer(int(t[0]), int(t[1]), t[2])
		}()
	}
	wg.Wait()
	return errs
}
