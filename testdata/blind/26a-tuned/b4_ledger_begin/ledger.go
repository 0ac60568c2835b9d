package b4_ledger_begin

import (
	"errors"
	"fmt"
	"sync"
)

var ErrInsufficient = errors.New("ledger: insufficient funds")

// Ledger tracks account balances in cents.
type Ledger struct {
	mu       sync.Mutex
	balances map[string]int64
	frozen   map[string]bool
	seq      uint64
}

func NewLedger() *Ledger {
	return &Ledger{balances: map[string]int64{}, frozen: map[string]bool{}}
}

// Hold describes a reservation of funds. It is a plain value: it carries no
// reference to the ledger and cannot release anything.
type Hold struct {
	ID      uint64
	Account string
	Amount  int64
}

func (h Hold) String() string {
	return fmt.Sprintf("hold#%d %s %d", h.ID, h.Account, h.Amount)
}

func (l *Ledger) Deposit(account string, cents int64) {
	l.mu.Lock()
	l.balances[account] += cents
	l.mu.Unlock()
}

// Reserve debits amount from account and returns a Hold describing it.
func (l *Ledger) Reserve(account string, amount int64) (Hold, error) {
	if amount <= 0 {
		return Hold{}, fmt.Errorf("ledger: bad amount %d", amount)
	}
	l.mu.Lock()
	switch {
	case l.frozen[account]:
		l.mu.Unlock()
		return Hold{}, fmt.Errorf("ledger: account %q frozen", account)
	case l.balances[account] < amount:
		l.mu.Unlock()
		return Hold{}, ErrInsufficient
	}
	l.balances[account] -= amount
	l.seq++
	h := Hold{ID: l.seq, Account: account, Amount: amount}
	if l.balances[account] == 0 {
		l.frozen[account] = true
		return h, nil // BAD: returns the Hold value with l.mu still locked; Hold has no way to unlock it
	}
	l.mu.Unlock()
	return h, nil
}

// Cancel returns the held funds to the account.
func (l *Ledger) Cancel(h Hold) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.balances[h.Account] += h.Amount
	delete(l.frozen, h.Account)
}

func (l *Ledger) Balance(account string) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.balances[account]
}
