// Package spawner: a function closes a channel that a goroutine it
// started sends on, with nothing telling it the goroutine is done.
package spawner

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func measure(samples chan<- float64) {
	for i := 0; i < 100; i++ {
		samples <- float64(i) / 3
	}
}

// Bad: the sleep is no join; measure may still send after the close.
func Sample() {
	samples := make(chan float64, 100)
	go measure(samples)
	time.Sleep(50 * time.Millisecond)
	close(samples) // want `samples closed while the goroutine that sends on it may still be running`
	for s := range samples {
		fmt.Println(s)
	}
}

// Bad: the cancel asks the heartbeat to stop, but nothing waits for
// it to have stopped: the send case may still be chosen.
func Heartbeat(run func()) {
	ctx, cancel := context.WithCancel(context.Background())
	beats := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case beats <- struct{}{}:
			case <-ctx.Done():
				return
			}
		}
	}()
	run()
	cancel()
	close(beats) // want `beats closed while the goroutine that sends on it may still be running`
}

// Near-misses, silent.

// The WaitGroup orders the close after the last send.
func SampleWait() []float64 {
	samples := make(chan float64, 100)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		measure(samples)
	}()
	wg.Wait()
	close(samples)
	var out []float64
	for s := range samples {
		out = append(out, s)
	}
	return out
}

// A done signal from the sender orders the close.
func SampleDone() {
	samples := make(chan float64, 100)
	done := make(chan struct{})
	go func() {
		measure(samples)
		close(done)
	}()
	<-done
	close(samples)
}

// The sender closes.
func SampleOwn() []float64 {
	samples := make(chan float64)
	go func() {
		defer close(samples)
		measure(samples)
	}()
	var out []float64
	for s := range samples {
		out = append(out, s)
	}
	return out
}

// A broadcast: the goroutine only receives.
func Stop() {
	quit := make(chan struct{})
	go func() {
		<-quit
	}()
	time.Sleep(time.Millisecond)
	close(quit)
}

// The close comes before the goroutine that sends is started (and is
// sendafterclose's business, not a race).
func Late() {
	samples := make(chan float64, 1)
	close(samples)
	go func() {
		for range samples {
		}
	}()
}
