package relay

import (
	"sync"
	"testing"
)

func TestApplyFromManyClients(t *testing.T) {
	st := NewStore()
	baton := make(chan struct{}, 1)
	baton <- struct{}{}

	ops := []string{"SET a=1", "SET b=2", "DEL a", "SET c=3", "SET b=4"}

	var (
		wg      sync.WaitGroup
		version int
		lastErr error
	)
	for _, op := range ops {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-baton
			var err error
			version, err = st.Apply(op)
			if err != nil {
				lastErr = err
			}
			baton <- struct{}{}
		}()
	}
	wg.Wait()

	if lastErr != nil {
		t.Fatal(lastErr)
	}
	if version != len(ops) {
		t.Fatalf("version = %d, want %d", version, len(ops))
	}
	if st.Get("a") != "" || st.Get("c") != "3" {
		t.Fatalf("unexpected state %v", st.data)
	}
}
