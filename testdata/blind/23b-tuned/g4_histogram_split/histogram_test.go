// Correct: two producers send n/2 values each and the receiver takes exactly n values before stopping.
package g4_histogram_split

import "testing"

func TestObserveFromTwoFeeds(t *testing.T) {
	const n = 200
	h := NewHistogram(10, 20)
	vals := make(chan int)

	go func() {
		for i := 0; i < n/2; i++ {
			vals <- i
		}
	}()
	go func() {
		for i := n / 2; i < n; i++ {
			vals <- i
		}
	}()

	sum := 0
	for k := 0; k < n; k++ {
		v := <-vals
		sum += v
		h.Observe(v)
	}

	if got := h.Total(); got != n {
		t.Fatalf("Total = %d, want %d", got, n)
	}
	if want := n * (n - 1) / 2; sum != want {
		t.Fatalf("sum = %d, want %d", sum, want)
	}
	if got := h.Bucket(9); got != 20 {
		t.Fatalf("bucket 9 = %d, want 20", got)
	}
}
