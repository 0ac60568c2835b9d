package b2_fanout_results

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestPipelineFanOut(t *testing.T) {
	p := New(Trim, Upper)
	defer p.Stop()
	ctx := context.Background()

	inputs := make([]string, 50)
	for i := range inputs {
		inputs[i] = fmt.Sprintf("  rec-%02d ", i)
	}

	var (
		wg      sync.WaitGroup
		results []string
	)
	for _, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := p.Process(ctx, in)
			if err != nil {
				t.Errorf("Process(%q): %v", in, err)
				return
			}
			results = append(results, out) // BAD: every goroutine appends to the shared slice without synchronization
		}()
	}
	wg.Wait()

	if len(results) != len(inputs) {
		t.Fatalf("got %d results, want %d", len(results), len(inputs))
	}
	slices.Sort(results)
	for i, r := range results {
		if want := fmt.Sprintf("REC-%02d", i); r != want {
			t.Errorf("results[%d] = %q, want %q", i, r, want)
		}
	}
	if p.Processed() != len(inputs) {
		t.Errorf("Processed() = %d", p.Processed())
	}
}
