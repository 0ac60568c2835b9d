// Correct: each dial goroutine is registered on f.dials (Add before go, defer Done) and Close waits on f.dials before closing f.batches, then waits for the writers.
package g2_replica_fetcher

import (
	"bufio"
	"context"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// opGroup is a WaitGroup that also counts live operations for metrics.
type opGroup struct {
	sync.WaitGroup
	live atomic.Int32
}

func (g *opGroup) Add(n int) {
	g.live.Add(int32(n))
	g.WaitGroup.Add(n)
}

func (g *opGroup) Done() {
	g.live.Add(-1)
	g.WaitGroup.Done()
}

type Batch struct {
	Replica string
	Records [][]byte
}

type Store interface {
	Apply(Batch) error
}

// Fetcher pulls change records from replicas and applies them to a Store.
type Fetcher struct {
	ctx     context.Context
	cancel  context.CancelFunc
	store   Store
	batches chan Batch
	dials   *opGroup
	writers sync.WaitGroup
}

func NewFetcher(store Store, writers int) *Fetcher {
	ctx, cancel := context.WithCancel(context.Background())
	f := &Fetcher{ctx: ctx, cancel: cancel, store: store,
		batches: make(chan Batch, 16), dials: &opGroup{}}
	for i := 0; i < writers; i++ {
		f.writers.Add(1)
		go func() {
			defer f.writers.Done()
			for b := range f.batches {
				_ = f.store.Apply(b)
			}
		}()
	}
	return f
}

// Fetch connects to addr in the background and streams its records.
func (f *Fetcher) Fetch(addr string) {
	f.dials.Add(1)
	go f.fetch(addr)
}

func (f *Fetcher) fetch(addr string) {
	defer f.dials.Done()
	d := net.Dialer{Timeout: 3 * time.Second}
	conn, err := d.DialContext(f.ctx, "tcp", addr)
	if err != nil {
		return
	}
	defer conn.Close()
	go func() { <-f.ctx.Done(); conn.Close() }()
	sc := bufio.NewScanner(conn)
	b := Batch{Replica: addr}
	for sc.Scan() {
		b.Records = append(b.Records, append([]byte(nil), sc.Bytes()...))
		if len(b.Records) == 64 {
			f.batches <- b
			b = Batch{Replica: addr}
		}
	}
	if len(b.Records) > 0 {
		f.batches <- b
	}
}

// InFlight reports how many replica connections are active.
func (f *Fetcher) InFlight() int { return int(f.dials.live.Load()) }

// Close stops all fetches and waits for the store writes to finish.
func (f *Fetcher) Close() {
	f.cancel()
	f.dials.Wait()
	close(f.batches)
	f.writers.Wait()
}
