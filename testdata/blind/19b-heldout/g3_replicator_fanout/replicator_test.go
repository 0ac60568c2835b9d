package g3_replicator_fanout

import "testing"

type fakeSender struct{}

func (fakeSender) SendFrom(peer string, index uint64) (uint64, error) { return index + 4, nil }

func TestReplicatorAdvances(t *testing.T) {
	r := NewReplicator([]string{"a", "b", "c"}, fakeSender{})
	r.Run()
	r.wg.Wait()
	if got := r.Applied(); got != 5 {
		t.Fatalf("applied = %d, want 5", got)
	}
	r.Close()
}
