package b4_leaderboard_sort

import (
	"sort"
	"sync"
	"time"
)

type Entry struct {
	Player string
	Score  int64
}

type byScore []Entry

func (b byScore) Len() int           { return len(b) }
func (b byScore) Less(i, j int) bool { return b[i].Score > b[j].Score }
func (b byScore) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// Board keeps entries sorted by descending score and periodically
// publishes the top N to subscribers.
type Board struct {
	mu      sync.Mutex
	entries byScore
	topN    int
	publish func([]Entry)
	done    chan struct{}
}

func NewBoard(topN int, publish func([]Entry)) *Board {
	b := &Board{topN: topN, publish: publish, done: make(chan struct{})}
	go b.publisher(time.Second)
	return b
}

// Submit records a score; called from request handlers.
func (b *Board) Submit(player string, score int64) {
	b.mu.Lock()
	for i := range b.entries {
		if b.entries[i].Player == player {
			if score > b.entries[i].Score {
				b.entries[i].Score = score
			}
			b.mu.Unlock()
			sort.Sort(b.entries) // BAD: re-sort after unlocking; Submit and publisher touch b.entries under b.mu
			return
		}
	}
	b.entries = append(b.entries, Entry{Player: player, Score: score})
	sort.Sort(b.entries)
	b.mu.Unlock()
}

func (b *Board) Top() []Entry {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := min(b.topN, len(b.entries))
	out := make([]Entry, n)
	copy(out, b.entries[:n])
	return out
}

func (b *Board) publisher(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-b.done:
			return
		case <-t.C:
			b.publish(b.Top())
		}
	}
}

func (b *Board) Stop() { close(b.done) }
