package main

import (
	"fmt"
	"strings"
	"sync"
)

// Order is a payment to be charged.
type Order struct {
	ID      string
	Cents   int
	retries int
}

type Failure struct {
	Order Order
	Err   error
}

// Charger runs orders through workers. A declined charge is queued for a
// retry; after too many retries it is reported as a failure.
type Charger struct {
	orders  chan *Order
	retries chan *Order
	charged chan Order
	failed  chan Failure
	wg      sync.WaitGroup
	gateway func(*Order) error
}

func NewCharger(workers int, gateway func(*Order) error) *Charger {
	c := &Charger{
		orders:  make(chan *Order),
		retries: make(chan *Order, 64),
		charged: make(chan Order, 64),
		failed:  make(chan Failure, 64),
		gateway: gateway,
	}
	for range workers {
		go c.worker()
	}
	return c
}

func (c *Charger) Submit(o *Order) {
	c.wg.Add(1)
	c.orders <- o
}

func (c *Charger) worker() {
	for {
		var o *Order
		var ok bool
		select {
		case o, ok = <-c.retries:
		case o, ok = <-c.orders:
		}
		if !ok {
			return
		}
		err := c.gateway(o)
		switch {
		case err == nil:
			c.charged <- *o
			c.wg.Done()
		case o.retries < 2:
			o.retries++
			c.retries <- o
		default:
			c.failed <- Failure{Order: *o, Err: err}
			c.wg.Done()
		}
	}
}

// Close waits for every order to be charged or failed, then closes the queues.
func (c *Charger) Close() {
	c.wg.Wait()
	close(c.orders)
	close(c.retries)
	close(c.charged)
	close(c.failed)
}

func main() {
	var mu sync.Mutex
	attempts := map[string]int{}
	gw := func(o *Order) error {
		mu.Lock()
		defer mu.Unlock()
		attempts[o.ID]++
		if strings.HasPrefix(o.ID, "bad") || attempts[o.ID] == 1 && o.Cents > 5000 {
			return fmt.Errorf("card declined for %s", o.ID)
		}
		return nil
	}
	c := NewCharger(3, gw)
	for i, cents := range []int{1200, 9900, 300, 7000} {
		c.Submit(&Order{ID: fmt.Sprintf("ord-%d", i), Cents: cents})
	}
	c.Submit(&Order{ID: "bad-1", Cents: 100})
	c.Close()

	for o := range c.charged {
		fmt.Println("charged", o.ID, o.Cents)
	}
	for f := range c.failed {
		fmt.Println("failed", f.Order.ID, f.Err)
	}
}
