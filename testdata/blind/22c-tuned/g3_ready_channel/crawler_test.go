package g3_ready_channel

import (
	"testing"
	"time"
)

func TestStartStop(t *testing.T) {
	c := NewCrawler([]string{"http://127.0.0.1:1/a", "http://127.0.0.1:1/b"}, time.Millisecond)
	c.Start()
	c.Stop()
}
