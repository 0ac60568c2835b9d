// Correct: l.cancel is called only by the load goroutine, right after it closes l.loaded; nothing else cancels l.ctx, so Wait cannot hang on an early exit.
package g3_loader_field_cancel

import (
	"context"
	"log"
	"sync"
)

// Record is one row of the snapshot.
type Record struct {
	ID   string
	Data []byte
}

// Source streams a snapshot in pages; more=false marks the last page.
type Source interface {
	Next(ctx context.Context) (page []Record, more bool, err error)
}

// Loader builds an in-memory index from a snapshot in the background.
type Loader struct {
	src    Source
	ctx    context.Context
	cancel context.CancelFunc
	loaded chan struct{}

	mu    sync.RWMutex
	index map[string]Record
	errs  int
}

func NewLoader(src Source) *Loader {
	ctx, cancel := context.WithCancel(context.Background())
	l := &Loader{
		src:    src,
		ctx:    ctx,
		cancel: cancel,
		loaded: make(chan struct{}),
		index:  make(map[string]Record),
	}
	go l.load()
	return l
}

func (l *Loader) load() {
	for {
		select {
		case <-l.ctx.Done():
			return
		default:
		}
		page, more, err := l.src.Next(l.ctx)
		l.mu.Lock()
		if err != nil {
			l.errs++
			log.Printf("loader: page error (%d so far): %v", l.errs, err)
		}
		for _, r := range page {
			l.index[r.ID] = r
		}
		l.mu.Unlock()
		if !more && err == nil {
			close(l.loaded)
			l.cancel()
		}
	}
}

// Wait blocks until the full snapshot is indexed.
func (l *Loader) Wait() {
	<-l.loaded
}

// Lookup returns the record for id once loading has finished.
func (l *Loader) Lookup(id string) (Record, bool) {
	l.Wait()
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.index[id]
	return r, ok
}
