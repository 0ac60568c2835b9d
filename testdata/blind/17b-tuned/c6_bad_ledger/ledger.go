package ledger

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type Ledger struct {
	mu       sync.Mutex
	balances map[string]int64
	locked   map[string]bool
}

func New() *Ledger {
	return &Ledger{balances: make(map[string]int64), locked: make(map[string]bool)}
}

type Tx struct {
	l      *Ledger
	keys   []string
	deltas map[string]int64
	cancel context.CancelFunc
}

func (l *Ledger) Begin(parent context.Context, keys ...string) (*Tx, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if l.locked[k] {
			return nil, fmt.Errorf("account %s busy", k)
		}
	}
	for _, k := range keys {
		l.locked[k] = true
	}
	ctx, cancel := context.WithCancel(parent)
	tx := &Tx{l: l, keys: keys, deltas: make(map[string]int64), cancel: cancel}
	go func() {
		<-ctx.Done()
		tx.release()
	}()
	return tx, nil
}

func (tx *Tx) release() {
	tx.l.mu.Lock()
	for _, k := range tx.keys {
		delete(tx.l.locked, k)
	}
	tx.l.mu.Unlock()
}

func (tx *Tx) Add(key string, delta int64) error {
	tx.l.mu.Lock()
	bal := tx.l.balances[key]
	tx.l.mu.Unlock()
	if bal+tx.deltas[key]+delta < 0 {
		return errors.New("insufficient funds")
	}
	tx.deltas[key] += delta
	return nil
}

func (tx *Tx) Commit() {
	tx.l.mu.Lock()
	for k, d := range tx.deltas {
		tx.l.balances[k] += d
	}
	tx.l.mu.Unlock()
	tx.cancel()
}

func (tx *Tx) Rollback() { tx.cancel() }

func Transfer(l *Ledger, from, to string, amount int64) error {
	tx, err := l.Begin(context.Background(), from, to)
	if err != nil {
		return err
	}
	if err := tx.Add(from, -amount); err != nil {
		return err
	}
	if err := tx.Add(to, amount); err != nil {
		tx.Rollback()
		return err
	}
	tx.Commit()
	return nil
}
