package aggregate

import (
	"hash/fnv"
	"time"
)

// Point is a single metric observation.
type Point struct {
	Name  string
	Value float64
	At    time.Time
}

type shard struct {
	in      chan Point
	stopped chan struct{}
	sums    map[string]float64
}

// Aggregator spreads points over shards by name and emits rolled-up sums.
type Aggregator struct {
	shards  []*shard
	rollups chan Point
	quit    chan struct{}
	every   time.Duration
}

// New starts n shard workers.
func New(n int, every time.Duration) *Aggregator {
	a := &Aggregator{
		rollups: make(chan Point, 16),
		quit:    make(chan struct{}),
		every:   every,
	}
	for i := 0; i < n; i++ {
		s := &shard{in: make(chan Point, 64), stopped: make(chan struct{}), sums: map[string]float64{}}
		a.shards = append(a.shards, s)
		go a.runShard(s)
	}
	return a
}

// Rollups returns the stream of rolled-up sums; it is closed by Close.
func (a *Aggregator) Rollups() <-chan Point { return a.rollups }

// Add routes p to its shard.
func (a *Aggregator) Add(p Point) {
	h := fnv.New32a()
	h.Write([]byte(p.Name))
	s := a.shards[int(h.Sum32())%len(a.shards)]
	select {
	case s.in <- p:
	case <-a.quit:
	}
}

func (a *Aggregator) runShard(s *shard) {
	defer close(s.stopped)
	tick := time.NewTicker(a.every)
	defer tick.Stop()
	for {
		select {
		case <-a.quit:
			return
		case p := <-s.in:
			s.sums[p.Name] += p.Value
		case now := <-tick.C:
			for name, v := range s.sums {
				select {
				case a.rollups <- Point{Name: name, Value: v, At: now}:
				case <-a.quit:
					return
				}
				delete(s.sums, name)
			}
		}
	}
}

// Close stops every shard, waits until each has returned and then closes
// the rollup stream.
func (a *Aggregator) Close() {
	close(a.quit)
	for _, s := range a.shards {
		<-s.stopped
	}
	close(a.rollups)
}
