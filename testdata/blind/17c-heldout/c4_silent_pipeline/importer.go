package ledger

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"
)

type Entry struct {
	Account string
	Amount  int64
	Posted  time.Time
}

func parse(r io.Reader) (<-chan Entry, <-chan error) {
	out := make(chan Entry)
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = 3
		for line := 1; ; line++ {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				errc <- fmt.Errorf("ledger: line %d: %w", line, err)
				return
			}
			amt, err := strconv.ParseInt(rec[1], 10, 64)
			if err != nil {
				errc <- fmt.Errorf("ledger: line %d amount: %w", line, err)
				return
			}
			when, err := time.Parse("2006-01-02", rec[2])
			if err != nil {
				errc <- fmt.Errorf("ledger: line %d date: %w", line, err)
				return
			}
			out <- Entry{Account: rec[0], Amount: amt, Posted: when}
		}
	}()
	return out, errc
}

func Balances(r io.Reader) (map[string]int64, error) {
	entries, errc := parse(r)
	totals := make(map[string]int64)
	for e := range entries {
		totals[e.Account] += e.Amount
	}
	select {
	case err := <-errc:
		return nil, err
	default:
	}
	return totals, nil
}
