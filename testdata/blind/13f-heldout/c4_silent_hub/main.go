// Command hubdemo starts the plugin hub with the metrics plugin attached.
package main

import (
	"fmt"
	"log"
	"os"
	"sync"
)

func main() {
	h := NewHub()
	var wg sync.WaitGroup

	attached := make(chan *Port)
	wg.Add(1)
	go func() {
		defer wg.Done()
		p, err := h.Attach("metrics")
		if err != nil {
			log.Printf("metrics plugin: %v", err)
			return
		}
		attached <- p
		n := 0
		for msg := range p.Inbox() {
			n++
			fmt.Printf("metrics: %s\n", msg)
		}
		fmt.Printf("metrics: saw %d events\n", n)
	}()

	port := <-attached
	log.Printf("plugin %s attached", port.name)

	for _, arg := range os.Args[1:] {
		h.Broadcast(arg)
	}
	h.Stop()
	wg.Wait()
}
