package a

import "sync"

// A store whose transactions hold its lock from Read (or Write) until
// End, as etcd's mvcc store does.
type KV struct {
	mu sync.RWMutex
	m  map[string]string
}

type Txn struct{ kv *KV }

func (kv *KV) Read() *Txn {
	kv.mu.RLock()
	return &Txn{kv}
}

func (kv *KV) Write() *Txn {
	kv.mu.Lock()
	return &Txn{kv}
}

func (t *Txn) EndRead()  { t.kv.mu.RUnlock() }
func (t *Txn) EndWrite() { t.kv.mu.Unlock() }

// Good: two read transactions open at once; each holds the read lock
// for its handle, which is that API's business.
func twoReads(kv *KV) string {
	t1 := kv.Read()
	t2 := kv.Read()
	v := kv.m["a"] + kv.m["b"]
	t2.EndRead()
	t1.EndRead()
	return v
}

// A read transaction inside a write transaction waits for itself.
func readInWrite(kv *KV) {
	w := kv.Write()
	r := kv.Read() // want `Read locks kv.mu for reading, which is already locked`
	r.EndRead()
	w.EndWrite()
}

// Read-locking directly, then calling a method that read-locks again:
// recursive read locking (nats-server's test of lookupRaftNode).
func (kv *KV) Get(k string) string {
	kv.mu.RLock()
	defer kv.mu.RUnlock()
	return kv.m[k]
}

func lookupBoth(kv *KV) bool {
	kv.mu.RLock()
	defer kv.mu.RUnlock()
	return kv.Get("a") == kv.Get("b") // want `Get locks kv.mu, which is already read-locked` `Get locks kv.mu, which is already read-locked`
}

// Good: a helper that runs with its caller's lock, gives it up around a
// slow call and takes it back is not locking it twice.
func (kv *KV) refresh(load func() map[string]string) {
	kv.mu.Unlock()
	m := load()
	kv.mu.Lock()
	kv.m = m
}

func (kv *KV) Refresh(load func() map[string]string) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	if kv.m == nil {
		kv.refresh(load)
	}
}
