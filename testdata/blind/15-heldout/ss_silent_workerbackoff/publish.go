// SILENT: the only sleeps run inside the publisher goroutines (retry backoff) and the progress reporter uses a ticker; PublishAll receives exactly one outcome per message before it builds its summary, so nothing is read before the goroutine that produced it has sent it.
package ss_silent_workerbackoff

import (
	"fmt"
	"log"
	"time"
)

type Broker interface {
	Publish(topic string, payload []byte) error
}

type outcome struct {
	id       int
	attempts int
	err      error
}

func publishWithRetry(b Broker, topic string, id int, payload []byte, out chan<- outcome) {
	backoff := 10 * time.Millisecond
	var err error
	for attempt := 1; attempt <= 5; attempt++ {
		if err = b.Publish(topic, payload); err == nil {
			out <- outcome{id: id, attempts: attempt}
			return
		}
		time.Sleep(backoff)
		backoff *= 2
	}
	out <- outcome{id: id, attempts: 5, err: err}
}

func PublishAll(b Broker, topic string, msgs [][]byte) (failed []int, err error) {
	out := make(chan outcome, len(msgs))
	for i, m := range msgs {
		go publishWithRetry(b, topic, i, m, out)
	}

	stopProgress := make(chan struct{})
	defer close(stopProgress)
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				log.Printf("publish: %d results queued, %d messages", len(out), len(msgs))
			case <-stopProgress:
				return
			}
		}
	}()

	retries := 0
	for range msgs {
		o := <-out
		retries += o.attempts - 1
		if o.err != nil {
			failed = append(failed, o.id)
		}
	}
	if len(failed) > 0 {
		err = fmt.Errorf("publish: %d of %d failed after %d retries", len(failed), len(msgs), retries)
	}
	return failed, err
}
