// GOOD: the pause and resume cases only toggle the paused state and keep looping, which is intended;
// the <-ctx.Done() case returns, so cancelling the context passed to Run ends the goroutine.
package main

import (
	"context"
	"fmt"
	"log"
	"time"
)

// Target is something the scraper polls.
type Target struct {
	Name string
	URL  string
}

// Scraper polls a set of targets on an interval and can be paused.
type Scraper struct {
	targets  []Target
	interval time.Duration
	pauseCh  chan struct{}
	resumeCh chan struct{}
	results  chan string
}

// NewScraper builds a scraper for the given targets.
func NewScraper(interval time.Duration, targets ...Target) *Scraper {
	return &Scraper{
		targets:  targets,
		interval: interval,
		pauseCh:  make(chan struct{}),
		resumeCh: make(chan struct{}),
		results:  make(chan string, 32),
	}
}

// Run starts scraping in the background until ctx is cancelled.
func (s *Scraper) Run(ctx context.Context) {
	go func() {
		t := time.NewTicker(s.interval)
		defer t.Stop()
		paused := false
		for {
			select {
			case <-ctx.Done():
				log.Printf("scraper: shutting down: %v", ctx.Err())
				return
			case <-s.pauseCh:
				paused = true
				continue
			case <-s.resumeCh:
				paused = false
			case <-t.C:
				if paused {
					continue
				}
				s.scrapeAll()
			}
		}
	}()
}

func (s *Scraper) scrapeAll() {
	for _, tg := range s.targets {
		select {
		case s.results <- fmt.Sprintf("%s: scraped %s", tg.Name, tg.URL):
		default:
			log.Printf("scraper: result buffer full, dropping %s", tg.Name)
		}
	}
}

// Pause stops scraping until Resume is called.
func (s *Scraper) Pause() { s.pauseCh <- struct{}{} }

// Resume restarts scraping after Pause.
func (s *Scraper) Resume() { s.resumeCh <- struct{}{} }

// Results returns the scrape results.
func (s *Scraper) Results() <-chan string { return s.results }

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Millisecond)
	defer cancel()
	s := NewScraper(10*time.Millisecond, Target{"api", "http://localhost:8080/metrics"})
	s.Run(ctx)
	time.Sleep(25 * time.Millisecond)
	s.Pause()
	time.Sleep(25 * time.Millisecond)
	s.Resume()
	<-ctx.Done()
	n := len(s.Results())
	fmt.Println("results:", n)
}
