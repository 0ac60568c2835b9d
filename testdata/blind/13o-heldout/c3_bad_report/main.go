// Command exporterdemo shows a metrics exporter: pushers sample gauges
// continuously while a reporter writes a snapshot report to disk.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"time"
)

type sample struct {
	Gauge string    `json:"gauge"`
	Value float64   `json:"value"`
	At    time.Time `json:"at"`
}

func pusher(name string, read func() float64, out chan<- sample) {
	for now := range time.Tick(10 * time.Millisecond) {
		out <- sample{Gauge: name, Value: read(), At: now}
	}
}

// writeReport collects n samples and writes them to path as JSON.
func writeReport(path string, in <-chan sample, n int) {
	report := make([]sample, 0, n)
	for len(report) < n {
		report = append(report, <-in)
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		return
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	if err := enc.Encode(report); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		return
	}
	fmt.Printf("wrote %d samples to %s\n", n, path)
}

func handleRequest(i int) {
	buf := make([]byte, 32<<10)
	for j := range buf {
		buf[j] = byte(i + j)
	}
	time.Sleep(2 * time.Millisecond)
}

func main() {
	samples := make(chan sample, 64)
	go pusher("goroutines", func() float64 { return float64(runtime.NumGoroutine()) }, samples)
	go pusher("heap_alloc", func() float64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}, samples)

	go writeReport("metrics-report.json", samples, 20)

	fmt.Println("exporter running; handling 25 demo requests")
	for i := 0; i < 25; i++ {
		handleRequest(i)
	}
	fmt.Println("demo finished")
}
