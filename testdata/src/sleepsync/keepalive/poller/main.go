// Command poller is an example consumer: its workers poll for ever and
// the final sleep only bounds how long the example runs.
package main

import (
	"log"
	"time"
)

type queue struct{ name string }

func (q *queue) poll() (string, bool) { return q.name, true }

func main() {
	q := &queue{name: "jobs"}
	for i := 0; i < 4; i++ {
		go func(id int) {
			for {
				msg, ok := q.poll()
				if !ok {
					time.Sleep(time.Second)
					continue
				}
				log.Printf("worker %d: %s", id, msg)
			}
		}(i)
	}
	// Keep the process alive to watch the workers.
	time.Sleep(10000 * time.Second)
}
