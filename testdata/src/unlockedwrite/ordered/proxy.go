package ordered

import (
	"errors"
	"sync"
)

type deposit struct {
	account string
	amount  int
	result  chan error
}

var errNegative = errors.New("negative balance")

// Bank's Deposit holds mu from before it hands the request to the
// apply loop until it has the result: what apply writes between the
// request and the result happens inside Deposit's critical section,
// ordered with every access made under mu.
type Bank struct {
	mu       sync.Mutex
	balances map[string]int
	failures int
	requests chan deposit
}

func NewBank() *Bank {
	b := &Bank{balances: make(map[string]int), requests: make(chan deposit)}
	go b.apply()
	return b
}

func (b *Bank) Deposit(account string, amount int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures = 0
	d := deposit{account: account, amount: amount, result: make(chan error, 1)}
	b.requests <- d
	return <-d.result
}

func (b *Bank) apply() {
	for d := range b.requests {
		next := b.balances[d.account] + d.amount
		if next < 0 {
			b.failures++ // silent: inside Deposit's critical section
			d.result <- errNegative
			continue
		}
		b.balances[d.account] = next // silent
		d.result <- nil
	}
}

func (b *Bank) Balance(account string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.balances[account]
}

func (b *Bank) Failures() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures
}

// LooseBank's Deposit unlocks before it waits for the result: Balance
// can run while apply writes.
type LooseBank struct {
	mu       sync.Mutex
	balances map[string]int
	failures int
	requests chan deposit
}

func NewLooseBank() *LooseBank {
	b := &LooseBank{balances: make(map[string]int), requests: make(chan deposit)}
	go b.apply()
	return b
}

func (b *LooseBank) Deposit(account string, amount int) error {
	b.mu.Lock()
	b.failures = 0
	d := deposit{account: account, amount: amount, result: make(chan error, 1)}
	b.requests <- d
	b.mu.Unlock()
	return <-d.result
}

func (b *LooseBank) apply() {
	for d := range b.requests {
		next := b.balances[d.account] + d.amount
		if next < 0 {
			b.failures++ // want `write to b.failures without holding b.mu`
			d.result <- errNegative
			continue
		}
		b.balances[d.account] = next // want `write to b.balances without holding b.mu`
		d.result <- nil
	}
}

func (b *LooseBank) Balance(account string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.balances[account]
}

func (b *LooseBank) Failures() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures
}
