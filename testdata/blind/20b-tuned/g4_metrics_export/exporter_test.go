package g4_metrics_export

import (
	"math"
	"testing"
)

// collectAsync drains out on its own goroutine and delivers everything it
// received once out is closed.
func collectAsync(out <-chan Point) <-chan []Point {
	res := make(chan []Point, 1)
	go func() {
		var got []Point
		for p := range out {
			got = append(got, p)
		}
		res <- got
	}()
	return res
}

func TestExportSkipsNonFinite(t *testing.T) {
	e := NewExporter("app")
	samples := []Sample{
		{Name: "requests", Labels: map[string]string{"code": "200"}, Value: 12},
		{Name: "latency", Value: math.NaN()},
		{Name: "errors", Labels: map[string]string{"code": "500", "az": "b"}, Value: 1},
	}

	out := make(chan Point)
	gotc := collectAsync(out)

	e.export(samples, out)
	close(out)

	got := <-gotc
	if len(got) != 2 {
		t.Fatalf("got %d points: %+v", len(got), got)
	}
	if got[1].Series != `app_errors{az="b",code="500"}` {
		t.Fatalf("series = %s", got[1].Series)
	}
	if e.Dropped() != 1 {
		t.Fatalf("dropped = %d", e.Dropped())
	}
}
