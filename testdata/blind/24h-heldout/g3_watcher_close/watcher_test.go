// Correct: every watcher created here is closed, which ends its goroutine.
package g3_watcher_close

import (
	"testing"
	"time"
)

func TestWatcherForwardsAndCloses(t *testing.T) {
	for i := 0; i < 50; i++ {
		w := NewWatcher(2)
		w.Heartbeat()
		w.Notify("cfg/a")
		select {
		case c := <-w.Changes():
			if c.Key != "cfg/a" {
				t.Fatalf("key = %q", c.Key)
			}
		case <-time.After(time.Second):
			t.Fatal("no change forwarded")
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		w.Notify("after-close") // must not block
	}
}
