// Goroutines of a main package meant to live as long as the process,
// and one started per request.
package main

import (
	"log"
	"net/http"
	"time"
)

func reportStats(every time.Duration) {
	for {
		time.Sleep(every)
		log.Print("stats")
	}
}

type server struct{}

func newServer() *server {
	s := &server{}
	go s.janitor() // started once: main calls newServer once
	return s
}

func (s *server) janitor() {
	for {
		time.Sleep(time.Minute)
		log.Print("sweep")
	}
}

func handle(w http.ResponseWriter, r *http.Request) {
	go reportStats(time.Second) // want `goroutine never terminates: its loop has no exit, and one is started on every request handle serves`
}

var requests = make(chan time.Duration)

func main() {
	go reportStats(time.Minute)
	newServer()
	for _, d := range []time.Duration{time.Second, time.Minute} {
		go reportStats(d) // a fixed pool, for the life of the process
	}
	go func() {
		for {
			d := <-requests
			go reportStats(d) // want `goroutine never terminates: its loop has no exit, and it is started in a loop`
		}
	}()
	http.HandleFunc("/", handle)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
