package pricefeed

import (
	"errors"
	"math/rand"
	"time"
)

var ErrSlowUpstream = errors.New("pricefeed: upstream too slow")

type Quote struct {
	Symbol string
	Price  float64
}

type Feed struct {
	stopper *Stopper
	timeout time.Duration
	source  func(symbol string) float64
}

func NewFeed(st *Stopper, timeout time.Duration) *Feed {
	return &Feed{
		stopper: st,
		timeout: timeout,
		source: func(string) float64 {
			time.Sleep(time.Duration(rand.Intn(200)) * time.Millisecond)
			return 100 + rand.Float64()
		},
	}
}

func (f *Feed) Latest(symbol string) (Quote, error) {
	out := make(chan Quote)
	f.stopper.RunWorker(func() {
		p := f.source(symbol)
		out <- Quote{Symbol: symbol, Price: p}
	})
	select {
	case q := <-out:
		return q, nil
	case <-time.After(f.timeout):
		return Quote{}, ErrSlowUpstream
	}
}

func (f *Feed) Close() {
	f.stopper.Stop()
}
