package solitude

import (
	"sync"
	"sync/atomic"
)

// eventLog is x/net/trace's: unref frees the log through a plain
// function once the count reached zero, and free resets the fields;
// a test also calls reset, on a log of its own.
type eventLog struct {
	mu     sync.RWMutex
	events []string
	errs   int
	refs   int32
}

var freeLogs = make(chan *eventLog, 16)

func (el *eventLog) reset() {
	el.events = nil // silent: only the last holder gets here
	el.errs = 0
}

func (el *eventLog) Printf(s string) {
	el.mu.Lock()
	el.events = append(el.events, s)
	el.mu.Unlock()
}

func (el *eventLog) Errorf(s string) {
	el.mu.Lock()
	el.events = append(el.events, s)
	el.errs++
	el.mu.Unlock()
}

func (el *eventLog) Events() []string {
	el.mu.RLock()
	defer el.mu.RUnlock()
	return el.events
}

func (el *eventLog) ref() { atomic.AddInt32(&el.refs, 1) }

func (el *eventLog) unref() {
	if atomic.AddInt32(&el.refs, -1) == 0 {
		freeEventLog(el)
	}
}

func freeEventLog(el *eventLog) {
	el.reset()
	select {
	case freeLogs <- el:
	default:
	}
}

// family hands out the logs it holds in a map; Forget frees one that
// the map still holds, whatever its count: other holders may write it.
type family struct {
	mu   sync.Mutex
	logs map[string]*traceLog
}

type traceLog struct {
	mu     sync.Mutex
	events []string
	refs   int32
}

func (tl *traceLog) Printf(s string) {
	tl.mu.Lock()
	tl.events = append(tl.events, s)
	tl.mu.Unlock()
}

func (tl *traceLog) Len() int {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	return len(tl.events)
}

func (tl *traceLog) Last() string {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	return tl.events[len(tl.events)-1]
}

func (tl *traceLog) unref() {
	if atomic.AddInt32(&tl.refs, -1) == 0 {
		freeTraceLog(tl)
	}
}

func (f *family) Forget(name string) {
	f.mu.Lock()
	tl := f.logs[name]
	f.mu.Unlock()
	freeTraceLog(tl)
}

func freeTraceLog(tl *traceLog) {
	tl.reset()
}

func (tl *traceLog) reset() {
	tl.events = nil // want `write to tl.events without holding tl.mu`
}
