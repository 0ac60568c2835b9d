package b1_configwatch_timeout_log

import (
	"testing"
	"time"
)

func TestReloadNotifiesNewVersion(t *testing.T) {
	w := NewWatcher(Config{Version: 1}, 20*time.Millisecond, func() (map[string]string, error) {
		return map[string]string{"log.level": "debug"}, nil
	})

	updates := make(chan Config)
	w.Reload(updates)

	select {
	case c := <-updates:
		if c.Version != 2 {
			t.Errorf("version = %d, want 2", c.Version)
		}
		if c.Values["log.level"] != "debug" {
			t.Errorf("log.level = %q, want debug", c.Values["log.level"])
		}
	case <-time.After(10 * time.Millisecond):
		t.Log("reload notification not seen yet; checking Current instead")
	}
	close(updates) // BAD: timeout case only logs, the reload goroutine may still send on updates

	if got := w.Current().Version; got < 1 {
		t.Fatalf("current version = %d", got)
	}
}
