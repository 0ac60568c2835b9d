// Package guide replicates the guide's mutex examples: none has a
// double lock.
package guide

import (
	"sync"
)

// guide §4.1
type Account struct {
	balance int
	mu      sync.Mutex
}

func (acc *Account) Deposit(amount int) {
	acc.mu.Lock()
	defer acc.mu.Unlock()
	temp := acc.balance
	acc.balance = temp + amount
}

func (acc *Account) GetBalance() int {
	acc.mu.Lock()
	defer acc.mu.Unlock()
	return acc.balance
}

// A variant of §4.1 with the classic bug: Deposit reads the balance
// through the locking getter.
func (acc *Account) DepositBad(amount int) {
	acc.mu.Lock()
	defer acc.mu.Unlock()
	acc.balance = acc.GetBalance() + amount // want `GetBalance locks acc.mu, which is already locked`
}

// guide §4.2
type Database struct {
	data map[string]string
	mu   sync.RWMutex
}

func (db *Database) Read(key string) string {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.data[key]
}

func (db *Database) Write(key, value string) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.data[key] = value
}

// guide §7.3 FIX 1
var counter int
var mu sync.Mutex

func noRaceCondition1() {
	for i := 0; i < 100; i++ {
		go func() {
			mu.Lock()
			counter++
			mu.Unlock()
		}()
	}
}
