// Package guide replicates the context examples of the concurrency
// guide (their main functions renamed, so that they are checked).
package guide

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func doWork(ctx context.Context, workName string) {
	for {
		select {
		case <-ctx.Done():
			fmt.Printf("%s: %v\n", workName, ctx.Err())
			return
		default:
			time.Sleep(500 * time.Millisecond)
		}
	}
}

// guide §6.1: good.
func contextBasics() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel() // Always cancel to free resources

	go doWork(ctx, "Task1")
	go doWork(ctx, "Task2")
	time.Sleep(3 * time.Second)
}

// guide §6.2: good, cancel is called on the only path.
func contextCancellation() {
	ctx, cancel := context.WithCancel(context.Background())

	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			default:
				time.Sleep(500 * time.Millisecond)
			}
		}
	}()

	time.Sleep(2 * time.Second)
	cancel()
	time.Sleep(500 * time.Millisecond)
}

func slowOperation(ctx context.Context) error {
	select {
	case <-time.After(5 * time.Second):
		return fmt.Errorf("operation completed")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// guide §6.3: good.
func contextDeadline() {
	deadline := time.Now().Add(2 * time.Second)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()

	if err := slowOperation(ctx); err != nil {
		fmt.Printf("Error: %v\n", err)
	}
}

// guide §7.1 FIX 1: good.
func noLeak1() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	ch := make(chan int)
	go func() {
		select {
		case val := <-ch:
			println(val)
		case <-ctx.Done():
			return
		}
	}()
}

// guide §7.2 FIX 2: bad, the early return in the select skips cancel().
func noDeadlock2() {
	ch := make(chan int)

	ctx, cancel := context.WithCancel(context.Background()) // want `the cancel function returned by context.WithCancel is not called on all paths`

	select {
	case ch <- 42:
	case <-ctx.Done():
		return
	}

	cancel()
}

type Service struct{ workers int }

func (s *Service) Run(ctx context.Context) { <-ctx.Done() }

// guide §8.2 main: good, cancel() after the signal arrives.
func gracefulShutdown() {
	service := &Service{workers: 3}

	ctx, cancel := context.WithCancel(context.Background())

	sigChan := make(chan os.Signal, 1)
	signal.Notify(sigChan, syscall.SIGINT, syscall.SIGTERM)

	go service.Run(ctx)

	<-sigChan
	cancel()

	select {
	case <-time.After(10 * time.Second):
	}
}

type FetchResult struct {
	URL    string
	Status int
	Size   int
	Error  error
}

type URLFetcher struct{ timeout time.Duration }

// guide §8.3 fetchURL: good.
func (f *URLFetcher) fetchURL(ctx context.Context, url string) FetchResult {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()

	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)

	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		return FetchResult{URL: url, Error: err}
	}
	defer resp.Body.Close()

	data, _ := io.ReadAll(resp.Body)
	return FetchResult{URL: url, Status: resp.StatusCode, Size: len(data)}
}
