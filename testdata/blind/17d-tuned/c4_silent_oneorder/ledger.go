package ledger

import (
	"errors"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	ID      int
	Balance int64
}

type Ledger struct {
	journalMu sync.Mutex
	journal   []string
	accounts  map[int]*Account
}

var ErrInsufficient = errors.New("ledger: insufficient funds")

func New(accts ...*Account) *Ledger {
	l := &Ledger{accounts: map[int]*Account{}}
	for _, a := range accts {
		l.accounts[a.ID] = a
	}
	return l
}

func ordered(a, b *Account) (*Account, *Account) {
	if a.ID < b.ID {
		return a, b
	}
	return b, a
}

func (l *Ledger) Transfer(from, to int, amt int64) error {
	if from == to {
		return nil
	}
	src, dst := l.accounts[from], l.accounts[to]
	first, second := ordered(src, dst)
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if src.Balance < amt {
		return ErrInsufficient
	}
	src.Balance -= amt
	dst.Balance += amt
	l.record("transfer")
	return nil
}
