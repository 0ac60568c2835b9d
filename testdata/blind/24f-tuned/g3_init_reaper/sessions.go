// GOOD: the reaper is started once per process from init() and only works on the package-level session table.
package g3_init_reaper

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

const idleTimeout = 20 * time.Minute

type session struct {
	user     string
	lastSeen time.Time
}

var store = struct {
	sync.Mutex
	m map[string]*session
}{m: make(map[string]*session)}

func init() {
	go reapLoop()
}

func reapLoop() {
	for {
		time.Sleep(30 * time.Second)
		reap(time.Now())
	}
}

func reap(now time.Time) int {
	store.Lock()
	defer store.Unlock()
	n := 0
	for id, s := range store.m {
		if now.Sub(s.lastSeen) > idleTimeout {
			delete(store.m, id)
			n++
		}
	}
	return n
}

// Create registers a new session for user and returns its token.
func Create(user string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	store.Lock()
	store.m[id] = &session{user: user, lastSeen: time.Now()}
	store.Unlock()
	return id
}

// Lookup returns the user for a token and refreshes its idle timer.
func Lookup(id string) (string, bool) {
	store.Lock()
	defer store.Unlock()
	s, ok := store.m[id]
	if !ok {
		return "", false
	}
	s.lastSeen = time.Now()
	return s.user, true
}

// Destroy ends a session (logout).
func Destroy(id string) {
	store.Lock()
	delete(store.m, id)
	store.Unlock()
}
