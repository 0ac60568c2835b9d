// Package guide replicates the guide's mutex examples (§4.1, §4.2,
// §7.3 FIX 1): all unlock correctly.
package guide

import "sync"

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

// A variant of §4.1 that validates the amount after locking and
// forgets to unlock.
func (acc *Account) Withdraw(amount int) int {
	acc.mu.Lock()
	if amount > acc.balance {
		return 0 // want `return with acc.mu still locked`
	}
	acc.balance -= amount
	acc.mu.Unlock()
	return amount
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
