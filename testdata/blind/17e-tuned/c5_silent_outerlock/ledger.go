package outerlock

import (
	"errors"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	id      string
	balance int64
}

type Ledger struct {
	transferMu sync.Mutex
	accounts   map[string]*Account
}

func NewLedger(ids ...string) *Ledger {
	l := &Ledger{accounts: make(map[string]*Account)}
	for _, id := range ids {
		l.accounts[id] = &Account{id: id}
	}
	return l
}

var ErrInsufficient = errors.New("ledger: insufficient funds")

func (l *Ledger) Transfer(from, to string, amount int64) error {
	src, dst := l.accounts[from], l.accounts[to]
	if src == nil || dst == nil || src == dst {
		return errors.New("ledger: bad accounts")
	}
	l.transferMu.Lock()
	defer l.transferMu.Unlock()
	src.mu.Lock()
	defer src.mu.Unlock()
	dst.mu.Lock()
	defer dst.mu.Unlock()
	if src.balance < amount {
		return ErrInsufficient
	}
	src.balance -= amount
	dst.balance += amount
	return nil
}

func (l *Ledger) Deposit(id string, amount int64) {
	a := l.accounts[id]
	a.mu.Lock()
	a.balance += amount
	a.mu.Unlock()
}

func (l *Ledger) Balance(id string) int64 {
	a := l.accounts[id]
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}
