// Correct: the test starts a collecting goroutine on the unbuffered channel before calling export synchronously.
package g4_metrics_export

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Sample is a raw measurement from a collector.
type Sample struct {
	Name   string
	Labels map[string]string
	Value  float64
}

// Point is a sample rendered in exposition form.
type Point struct {
	Series string
	Value  float64
}

// Exporter converts samples to points with a common prefix.
type Exporter struct {
	prefix  string
	dropped int
}

func NewExporter(prefix string) *Exporter {
	return &Exporter{prefix: prefix}
}

// export sends one Point per finite sample on out. It does not close out.
func (e *Exporter) export(samples []Sample, out chan<- Point) {
	for _, s := range samples {
		if math.IsNaN(s.Value) || math.IsInf(s.Value, 0) {
			e.dropped++
			continue
		}
		out <- Point{Series: e.series(s), Value: s.Value}
	}
}

func (e *Exporter) series(s Sample) string {
	keys := make([]string, 0, len(s.Labels))
	for k := range s.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%q", k, s.Labels[k])
	}
	return fmt.Sprintf("%s_%s{%s}", e.prefix, s.Name, strings.Join(parts, ","))
}

// Dropped reports how many non-finite samples were skipped.
func (e *Exporter) Dropped() int { return e.dropped }
