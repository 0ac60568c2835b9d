package afterstop

import (
	"testing"
	"time"
)

func inspect(r *Runner) Report {
	r.doneMu.Lock()
	defer r.doneMu.Unlock()
	r.queueMu.Lock()
	defer r.queueMu.Unlock()
	return Report{Jobs: len(r.queue) + len(r.done), Finished: len(r.done)}
}

func TestRunnerDrains(t *testing.T) {
	r := NewRunner()
	for _, j := range []string{"a", "b", "c"} {
		r.Enqueue(j)
	}
	r.Start(time.Millisecond)
	deadline := time.Now().Add(time.Second)
	for r.Finished() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	r.Shutdown()

	got := inspect(r)
	if got.Jobs != 3 || got.Finished != 3 {
		t.Fatalf("unexpected report %+v", got)
	}
}

func TestInspectFresh(t *testing.T) {
	r := NewRunner()
	r.Enqueue("x")
	if got := inspect(r); got.Jobs != 1 || got.Finished != 0 {
		t.Fatalf("unexpected report %+v", got)
	}
}
