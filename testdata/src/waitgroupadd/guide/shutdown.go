package guide

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// guide §8.2: Run adds for its workers inside the goroutine main starts
// with `go service.Run(ctx)`; main's Wait (in another goroutine) is not
// ordered after those Adds.
type Service struct {
	workers int
	wg      sync.WaitGroup
}

func (s *Service) Run(ctx context.Context) { // want Run:`waitgroupadd\(add:p0/1 carry:p0/1 carry:p1 wait:p0/1 flags=0\)`
	fmt.Println("Service starting...")
	for w := 1; w <= s.workers; w++ {
		s.wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
		go s.worker(ctx, w)
	}
	fmt.Println("Service running, press Ctrl+C to shutdown")
	s.wg.Wait() // fine: after the Adds, in the same goroutine
	fmt.Println("All workers finished")
}

func (s *Service) worker(ctx context.Context, id int) {
	defer s.wg.Done()
	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Printf("[Worker %d] Shutting down gracefully...\n", id)
			return
		case <-ticker.C:
			fmt.Printf("[Worker %d] Working...\n", id)
		}
	}
}

func section82() {
	service := &Service{workers: 3}
	ctx, cancel := context.WithCancel(context.Background())
	sigChan := make(chan os.Signal, 1)
	signal.Notify(sigChan, syscall.SIGINT, syscall.SIGTERM)

	go service.Run(ctx)

	<-sigChan
	cancel()
	done := make(chan struct{})
	go func() {
		service.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
	}
}

// guide §8.2, repaired: Run called synchronously inside a goroutine the
// WaitGroup counts, so its Adds happen while the counter is positive.
func section82Fixed() {
	service := &Service{workers: 3}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	service.wg.Add(1)
	go func() {
		defer service.wg.Done()
		service.Run(ctx)
	}()
	cancel()
	service.wg.Wait()
}

// guide §8.3
type URLFetcher struct {
	urls    []string
	workers int
}

func (f *URLFetcher) fetchURL(ctx context.Context, url string) string { return url }

func (f *URLFetcher) Fetch(ctx context.Context) []string { // want Fetch:`waitgroupadd\( flags=8\)`
	taskCh := make(chan string)
	resultCh := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < f.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for url := range taskCh {
				resultCh <- f.fetchURL(ctx, url)
			}
		}()
	}
	go func() {
		for _, url := range f.urls {
			taskCh <- url
		}
		close(taskCh)
	}()
	results := []string{}
	go func() {
		wg.Wait()
		close(resultCh)
	}()
	for result := range resultCh {
		results = append(results, result)
	}
	return results
}
