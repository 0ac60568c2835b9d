package main

import (
	"fmt"
	"sync"
)

type state struct {
	accounts map[string]int
	journal  []string
}

// DB is an in-memory ledger with serialized transactions.
type DB struct {
	mu sync.Mutex
	st *state
}

func OpenDB() *DB {
	return &DB{st: &state{accounts: make(map[string]int)}}
}

func (db *DB) tx(fn func(st *state)) {
	db.mu.Lock()
	defer db.mu.Unlock()
	fn(db.st)
}

// txAsync schedules fn and returns a channel closed once it has run.
func (db *DB) txAsync(fn func(st *state)) <-chan struct{} {
	done := make(chan struct{})
	db.mu.Lock()
	defer db.mu.Unlock()
	go func() {
		defer close(done)
		fn(db.st)
	}()
	return done
}

func (st *state) credit(acct string, n int) {
	st.accounts[acct] += n
	st.journal = append(st.journal, fmt.Sprintf("credit %s %d", acct, n))
}

func (db *DB) Deposit(acct string, n int) {
	db.tx(func(st *state) { st.credit(acct, n) })
}

func (db *DB) Transfer(from, to string, n int) bool {
	ok := false
	db.tx(func(st *state) {
		if st.accounts[from] < n {
			return
		}
		st.credit(from, -n)
		st.credit(to, n)
		ok = true
	})
	return ok
}

// DepositLater applies a deposit without waiting for it.
func (db *DB) DepositLater(acct string, n int) <-chan struct{} {
	return db.txAsync(func(st *state) { st.credit(acct, n) })
}

func (db *DB) Balance(acct string) int {
	var b int
	db.tx(func(st *state) { b = st.accounts[acct] })
	return b
}

func main() {
	db := OpenDB()
	var wg sync.WaitGroup
	var pending []<-chan struct{}
	var pmu sync.Mutex
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				db.Deposit("alice", 1)
				d := db.DepositLater("bob", 2)
				pmu.Lock()
				pending = append(pending, d)
				pmu.Unlock()
				db.Transfer("alice", "bob", 1)
			}
		}(i)
	}
	wg.Wait()
	for _, d := range pending {
		<-d
	}
	fmt.Println(db.Balance("alice"), db.Balance("bob"))
}
