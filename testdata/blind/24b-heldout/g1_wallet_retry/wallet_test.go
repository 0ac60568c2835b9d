package g1_wallet_retry

import "testing"

func TestFanout(t *testing.T) {
	src := NewWallet(1, 500)
	var dsts []*Wallet
	for i := uint32(2); i < 10; i++ {
		dsts = append(dsts, NewWallet(i, 0))
	}
	for _, err := range Fanout(src, dsts, 10) {
		if err != nil {
			t.Fatal(err)
		}
	}
	total := src.Balance()
	for _, d := range dsts {
		total += d.Balance()
	}
	if total != 500-8 {
		t.Fatalf("total = %d", total)
	}
}
