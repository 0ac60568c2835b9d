// GOOD: every flush sends on the unbuffered flushed channel and the test receives it
// inside a select with a timeout, so the send always has a matching receive.

package debounce

import (
	"reflect"
	"testing"
	"time"
)

func TestDebouncerBatchesKeys(t *testing.T) {
	flushed := make(chan []string)
	d := New(20*time.Millisecond, func(keys []string) {
		flushed <- keys
	})

	d.Add("users/2", "users/1", "users/2")

	select {
	case got := <-flushed:
		want := []string{"users/1", "users/2"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("flushed %v, want %v", got, want)
		}
	case <-time.After(time.Second):
		t.Fatal("debouncer never flushed")
	}
}
