// Command loadgen runs a small closed-loop benchmark against an in-process
// handler and reports latency percentiles.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type recorder struct {
	token   chan struct{}
	samples []time.Duration
	errors  int
}

func newRecorder() *recorder {
	r := &recorder{token: make(chan struct{}, 1)}
	r.token <- struct{}{}
	return r
}

func (r *recorder) record(d time.Duration, err error) {
	<-r.token
	if err != nil {
		r.errors++
	} else {
		r.samples = append(r.samples, d)
	}
	r.token <- struct{}{}
}

func handler(i int) error {
	time.Sleep(time.Duration(50+i%7*10) * time.Microsecond)
	if i%97 == 0 {
		return fmt.Errorf("request %d: upstream timeout", i)
	}
	return nil
}

func client(id int, r *recorder, n int) {
	for i := 0; i < n; i++ {
		start := time.Now()
		err := handler(id*n + i)
		r.record(time.Since(start), err)
	}
}

func percentile(s []time.Duration, p float64) time.Duration {
	if len(s) == 0 {
		return 0
	}
	return s[int(float64(len(s)-1)*p)]
}

func main() {
	const clients, perClient = 8, 200
	warmup := 2 * time.Millisecond
	r := newRecorder()

	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			client(c, r, perClient)
		}(c)
	}

	// Drop whatever was recorded during the warm-up period.
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(warmup)
		r.samples = r.samples[:0]
	}()

	wg.Wait()

	sort.Slice(r.samples, func(i, j int) bool { return r.samples[i] < r.samples[j] })
	fmt.Printf("requests=%d errors=%d\n", len(r.samples), r.errors)
	fmt.Printf("p50=%v p90=%v p99=%v\n",
		percentile(r.samples, 0.50), percentile(r.samples, 0.90), percentile(r.samples, 0.99))
}
