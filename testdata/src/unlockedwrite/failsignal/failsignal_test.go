package failsignal

import (
	"sync"
	"testing"
)

// Written only with a failure, read only to fail the test: the writes
// race once two goroutines fail, when the test has failed already.
func TestFirstError(t *testing.T) {
	var wg sync.WaitGroup
	var statErr error
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := write(i)
			if err != nil {
				statErr = err
				return
			}
			err = write(-i)
			if err != nil {
				statErr = err
			}
		}()
	}
	wg.Wait()
	if statErr != nil {
		t.Error(statErr)
	}
}

func TestFailedFlag(t *testing.T) {
	var wg sync.WaitGroup
	failed := false
	mismatches := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if write(i) != nil {
				failed = true
				mismatches++
			}
		}()
	}
	wg.Wait()
	if failed {
		t.Fatal("a write failed")
	}
	if mismatches != 0 {
		t.Errorf("%d mismatches", mismatches)
	}
}

// Counted on success, and expected: the writes race in a passing run.
func TestCountSuccess(t *testing.T) {
	var wg sync.WaitGroup
	ok := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if write(i) == nil {
				ok++ // want `write to ok in a goroutine started in a loop races with the other goroutines: no lock is held`
			}
		}()
	}
	wg.Wait()
	if ok != 10 {
		t.Errorf("%d writes succeeded", ok)
	}
}

// The last error is kept, nil or not: a passing run writes it too.
func TestLastError(t *testing.T) {
	var wg sync.WaitGroup
	var last error
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last = write(i) // want `write to last in a goroutine started in a loop races with the other goroutines: no lock is held`
		}()
	}
	wg.Wait()
	if last != nil {
		t.Error(last)
	}
}

func assertZero(t *testing.T, n int) {
	t.Helper()
	if n != 0 {
		t.Errorf("got %d, want 0", n)
	}
}

func logCount(t *testing.T, n int) { t.Logf("%d", n) }

// Checked by the test's own assertion named for zero.
func TestAssertZero(t *testing.T) {
	var wg sync.WaitGroup
	bad := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if write(i) != nil {
				bad++
			}
		}()
	}
	wg.Wait()
	assertZero(t, bad)
}

// Only logged: nothing fails the test when it is written.
func TestLogged(t *testing.T) {
	var wg sync.WaitGroup
	bad := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if write(i) != nil {
				bad++ // want `write to bad in a goroutine started in a loop races with the other goroutines: no lock is held`
			}
		}()
	}
	wg.Wait()
	logCount(t, bad)
}
