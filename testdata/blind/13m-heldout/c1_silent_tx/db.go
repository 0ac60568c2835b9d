package main

import (
	"fmt"
	"sync"
	"time"
)

type state struct {
	accounts map[string]int
	journal  []string
	applied  int
}

// DB is an in-memory ledger with serialized transactions.
type DB struct {
	mu   sync.Mutex
	st   *state
	stop chan struct{}
	done chan struct{}
}

func OpenDB() *DB {
	db := &DB{
		st:   &state{accounts: make(map[string]int)},
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	go db.compactor(time.Millisecond)
	return db
}

func (db *DB) tx(fn func(st *state)) {
	db.mu.Lock()
	defer db.mu.Unlock()
	fn(db.st)
	db.st.applied++
}

func (st *state) credit(acct string, n int) {
	st.accounts[acct] += n
	st.journal = append(st.journal, fmt.Sprintf("credit %s %d", acct, n))
}

func (st *state) compact() {
	if len(st.journal) > 64 {
		st.journal = append([]string(nil), st.journal[len(st.journal)-16:]...)
	}
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

func (db *DB) compactor(every time.Duration) {
	defer close(db.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-db.stop:
			return
		case <-t.C:
			db.tx((*state).compact)
		}
	}
}

func (db *DB) Balance(acct string) int {
	var b int
	db.tx(func(st *state) { b = st.accounts[acct] })
	return b
}

func (db *DB) Close() {
	close(db.stop)
	<-db.done
}

func main() {
	db := OpenDB()
	defer db.Close()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				db.Deposit("alice", 1)
				db.Transfer("alice", "bob", 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(db.Balance("alice"), db.Balance("bob"))
}
