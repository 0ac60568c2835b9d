// Package ledger moves money between accounts and audits them: Post
// holds the book's lock while it locks an account, Audit holds an
// account's lock while it reads the book.
package ledger

import "sync"

type Account struct {
	mu      sync.Mutex
	balance int
	book    *Book
}

type Book struct {
	mu      sync.Mutex
	entries int
}

// Post records an entry and credits a.
func (b *Book) Post(a *Account, amount int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.entries++
	a.credit(amount) // finding: lockorder
}

func (a *Account) credit(amount int) {
	a.mu.Lock()
	a.balance += amount
	a.mu.Unlock()
}

// Audit checks a's balance against the book.
func (a *Account) Audit() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.book.mu.Lock()
	n := a.book.entries
	a.book.mu.Unlock()
	return a.balance >= 0 && n >= 0
}
