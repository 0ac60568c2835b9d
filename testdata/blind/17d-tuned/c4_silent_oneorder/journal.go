package ledger

import "fmt"

func (l *Ledger) record(kind string) {
	l.journalMu.Lock()
	l.journal = append(l.journal, fmt.Sprintf("%d:%s", len(l.journal), kind))
	l.journalMu.Unlock()
}

func (l *Ledger) Deposit(id int, amt int64) {
	a := l.accounts[id]
	a.mu.Lock()
	a.Balance += amt
	l.record("deposit")
	a.mu.Unlock()
}

func (l *Ledger) Journal() []string {
	l.journalMu.Lock()
	defer l.journalMu.Unlock()
	return append([]string(nil), l.journal...)
}
