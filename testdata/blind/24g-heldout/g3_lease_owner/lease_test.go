// Correct: only the goroutine that wins the lease increments owners, and the test asserts exactly one owner, so two unlocked writes can only happen when the test already fails.
package g3_lease_owner

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func assertEqual(t *testing.T, want, got int, what string) {
	t.Helper()
	if want != got {
		t.Errorf("%s = %d, want %d", what, got, want)
	}
}

func TestTryAcquireSingleWinner(t *testing.T) {
	l := NewLease()
	const candidates = 16

	var (
		wg     sync.WaitGroup
		owners int
		start  = make(chan struct{})
	)
	for i := 0; i < candidates; i++ {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			<-start
			if l.TryAcquire(id, time.Minute) {
				owners++
			}
		}(fmt.Sprintf("node-%d", i))
	}
	close(start)
	wg.Wait()

	assertEqual(t, 1, owners, "owners")
	if l.Holder() == "" {
		t.Error("lease has no holder after election")
	}
}

func TestReleaseThenReacquire(t *testing.T) {
	l := NewLease()
	if !l.TryAcquire("a", time.Minute) {
		t.Fatal("a should acquire a free lease")
	}
	if l.TryAcquire("b", time.Minute) {
		t.Fatal("b must not steal a held lease")
	}
	l.Release("a")
	if !l.TryAcquire("b", time.Minute) {
		t.Fatal("b should acquire after release")
	}
}
