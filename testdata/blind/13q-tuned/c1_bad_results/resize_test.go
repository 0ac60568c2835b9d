package resize

import (
	"testing"
)

func TestResizerRunOrder(t *testing.T) {
	jobs := []Job{
		{Name: "a.png", Width: 800, Height: 600},
		{Name: "b.png", Width: 640, Height: 480},
		{Name: "c.png", Width: 100, Height: 100},
		{Name: "d.png", Width: 4000, Height: 3000},
	}
	want := []string{"a@200x150", "b@160x120", "c@100x100", "d@250x187"}
	r := &Resizer{MaxSide: 256}

	results := make(chan Result)
	defer close(results)

	go r.Run(jobs, results)

	for i := range jobs {
		res := <-results
		if res.Err != nil {
			t.Fatalf("job %s: %v", jobs[i].Name, res.Err)
		}
		if res.Out != want[i] {
			t.Fatalf("job %d: got %q, want %q", i, res.Out, want[i])
		}
	}
}

func TestResizerSmall(t *testing.T) {
	r := &Resizer{MaxSide: 64}
	res := r.resize(Job{Name: "x.png", Width: 32, Height: 32})
	if res.Out != "x@32x32" {
		t.Errorf("got %q", res.Out)
	}
}
