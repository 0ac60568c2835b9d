// Correct: all sends happen under s.mu while the channel is registered; Unsubscribe deletes it under s.mu before closing.
package g3_store_unsubscribe

import "sync"

// Snapshot is the state pushed to watchers.
type Snapshot struct {
	Rev   uint64
	Peers []string
}

// Store keeps the cluster membership and notifies watchers of changes.
type Store struct {
	mu       sync.Mutex
	rev      uint64
	peers    []string
	watchers map[uint64]chan Snapshot
	nextID   uint64
}

// NewStore returns an empty membership store.
func NewStore() *Store {
	return &Store{watchers: make(map[uint64]chan Snapshot)}
}

// Watch registers a watcher; the current state is pushed once immediately.
func (s *Store) Watch() *Watcher {
	ch := make(chan Snapshot, 8)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	id := s.nextID
	s.watchers[id] = ch
	ch <- s.snapshotLocked()
	return &Watcher{store: s, id: id, ch: ch}
}

// SetPeers replaces the membership and notifies watchers, dropping updates
// for watchers that are not keeping up.
func (s *Store) SetPeers(peers []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rev++
	s.peers = append([]string(nil), peers...)
	snap := s.snapshotLocked()
	for _, ch := range s.watchers {
		select {
		case ch <- snap:
		default:
		}
	}
}

func (s *Store) snapshotLocked() Snapshot {
	return Snapshot{Rev: s.rev, Peers: append([]string(nil), s.peers...)}
}

// Watcher receives membership snapshots.
type Watcher struct {
	store *Store
	id    uint64
	ch    chan Snapshot
	once  sync.Once
}

// Updates returns the snapshot stream.
func (w *Watcher) Updates() <-chan Snapshot { return w.ch }

// Stop unregisters the watcher and closes its channel.
func (w *Watcher) Stop() {
	w.once.Do(func() {
		w.store.mu.Lock()
		delete(w.store.watchers, w.id)
		w.store.mu.Unlock()
		close(w.ch)
	})
}
