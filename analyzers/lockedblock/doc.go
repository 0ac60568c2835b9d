// Package lockedblock defines an Analyzer that reports a channel
// operation that blocks while holding a lock that every goroutine able
// to complete it must take first.
//
// # Analyzer lockedblock
//
// lockedblock: report a channel operation that waits while holding a lock its counterparts need
//
// A goroutine that holds a mutex while it waits on a channel can only
// be woken by another goroutine operating on that channel. If every such
// operation (a receive or close for a send; a send or close for a
// receive) runs with the same mutex held, the waiter holds the very lock
// its rescuer needs: both block forever.
//
//	func (t *transport) keepalive() {
//		t.mu.Lock()
//		if len(t.streams) == 0 {
//			<-t.awaken // reported: the only send needs t.mu
//		}
//		t.mu.Unlock()
//	}
//
//	func (t *transport) NewStream() {
//		t.mu.Lock()
//		defer t.mu.Unlock()
//		t.streams = append(t.streams, &stream{})
//		select {
//		case t.awaken <- struct{}{}:
//		default:
//		}
//	}
//
// The operation must be a plain send or receive (not a select case) on
// an unbuffered channel the package makes and keeps to itself, the lock
// must be held on every path to it and belong to the same value as the
// channel (t.mu and t.awaken), and so must every counterpart's, as the
// lock-set and channel models see them through helpers and goroutines.
// A counterpart in code the models cannot see, a channel that escapes
// the package, or one buffered, is not reported.
//
// The fix is to release the lock before waiting, or to let the
// counterpart operate without it.
package lockedblock
