package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Delivery is one webhook call to a subscriber.
type Delivery struct {
	URL     string
	Payload string
	tries   int
}

// Dispatcher sends webhooks from a pool of workers and re-queues a
// delivery when the subscriber answers with a temporary error.
type Dispatcher struct {
	queue chan *Delivery
	acks  chan string
	wg    sync.WaitGroup
	post  func(*Delivery) error
}

func NewDispatcher(workers int, post func(*Delivery) error) *Dispatcher {
	d := &Dispatcher{
		queue: make(chan *Delivery),
		acks:  make(chan string, 32),
		post:  post,
	}
	for range workers {
		go d.worker()
	}
	return d
}

// Enqueue schedules one delivery.
func (d *Dispatcher) Enqueue(dl *Delivery) {
	d.wg.Add(1)
	d.queue <- dl
}

func (d *Dispatcher) worker() {
	for dl := range d.queue {
		dl.tries++
		err := d.post(dl)
		if err == nil || dl.tries >= 3 {
			d.acks <- fmt.Sprintf("%s tries=%d err=%v", dl.URL, dl.tries, err)
			d.wg.Done()
			continue
		}
		d.wg.Done()
		go func() {
			time.Sleep(time.Duration(dl.tries) * time.Millisecond)
			d.Enqueue(dl)
		}()
	}
}

// Close waits for outstanding deliveries and stops the workers.
func (d *Dispatcher) Close() {
	d.wg.Wait()
	close(d.queue)
	close(d.acks)
}

func main() {
	var mu sync.Mutex
	calls := map[string]int{}
	post := func(dl *Delivery) error {
		mu.Lock()
		defer mu.Unlock()
		calls[dl.URL]++
		if strings.Contains(dl.URL, "flaky") && calls[dl.URL] < 2 {
			return fmt.Errorf("503 from %s", dl.URL)
		}
		return nil
	}
	d := NewDispatcher(2, post)
	for _, u := range []string{"https://a.example/hook", "https://flaky.example/hook", "https://b.example/hook"} {
		d.Enqueue(&Delivery{URL: u, Payload: `{"event":"created"}`})
	}
	d.Close()
	for a := range d.acks {
		fmt.Println(a)
	}
	// give the log shipper a moment before exiting
	time.Sleep(20 * time.Millisecond)
}
