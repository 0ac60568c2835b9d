// Correct: NullSink's goroutine is stopped by t.Cleanup at the end of each test and subtest.
package g4_testutil_sink

import (
	"fmt"
	"testing"
	"time"
)

func TestNullSinkDrains(t *testing.T) {
	for i := 0; i < 3; i++ {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s, dropped := NullSink(t)
			for j := 0; j < 40; j++ {
				Emit(s, "requests", float64(j))
			}
			deadline := time.Now().Add(time.Second)
			for dropped.Load() < 80 && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if n := dropped.Load(); n != 80 {
				t.Fatalf("dropped %d, want 80", n)
			}
		})
	}
}
