// Correct: requireRecv calls t.FailNow on timeout, so close(out) is reached only after both single sends were received.
package g4_shard_count_require

import (
	"context"
	"testing"
	"time"
)

type staticShard struct {
	n     int
	delay time.Duration
}

func (s staticShard) Count(ctx context.Context, filter string) (int, error) {
	time.Sleep(s.delay)
	return s.n, nil
}

func requireRecv(t *testing.T, ch <-chan partial, timeout time.Duration) partial {
	t.Helper()
	select {
	case p := <-ch:
		return p
	case <-time.After(timeout):
		t.Errorf("no shard result after %v", timeout)
		t.FailNow()
	}
	return partial{}
}

func TestCountShardReportsOnce(t *testing.T) {
	out := make(chan partial)
	ctx := context.Background()
	go countShard(ctx, "hot", staticShard{n: 3}, "status=open", out)
	go countShard(ctx, "cold", staticShard{n: 4, delay: time.Millisecond}, "status=open", out)

	got := requireRecv(t, out, time.Second).n + requireRecv(t, out, time.Second).n
	close(out)
	if got != 7 {
		t.Fatalf("sum = %d, want 7", got)
	}
}

func TestQuerierCount(t *testing.T) {
	q := NewQuerier(staticShard{n: 10}, staticShard{n: 5})
	n, err := q.Count(context.Background(), "")
	if err != nil || n != 15 {
		t.Fatalf("Count = %d, %v", n, err)
	}
}
