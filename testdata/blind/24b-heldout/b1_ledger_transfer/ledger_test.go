package b1_ledger_transfer

import "testing"

func TestSettle(t *testing.T) {
	l := NewLedger(1, 2, 3)
	l.Deposit(1, 100)
	l.Deposit(2, 100)
	batch := [][3]int64{{1, 2, 10}, {2, 3, 5}, {3, 1, 1}, {2, 1, 7}}
	for _, err := range l.Settle(batch) {
		if err != nil && err != ErrInsufficient {
			t.Fatal(err)
		}
	}
	if got := l.Balance(1) + l.Balance(2) + l.Balance(3); got != 200 {
		t.Fatalf("total = %d, want 200", got)
	}
}
