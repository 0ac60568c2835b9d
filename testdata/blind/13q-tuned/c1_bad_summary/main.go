package main

import (
	"fmt"
	"strings"
	"time"
)

// probe checks one endpoint and returns a status line.
func probe(endpoint string) string {
	time.Sleep(time.Millisecond)
	if strings.HasSuffix(endpoint, ":0") {
		return endpoint + " DOWN"
	}
	return endpoint + " UP"
}

// sweep probes every endpoint and reports one line per endpoint, followed
// by a summary line with the number of endpoints that were down.
func sweep(endpoints []string, out chan<- string) {
	down := 0
	for _, ep := range endpoints {
		line := probe(ep)
		if strings.HasSuffix(line, "DOWN") {
			down++
		}
		out <- line
	}
	out <- fmt.Sprintf("summary: %d/%d down", down, len(endpoints))
}

type report struct {
	lines []string
}

func (r *report) print() {
	for _, l := range r.lines {
		fmt.Println(l)
	}
}

func runHealthCheck(endpoints []string) *report {
	out := make(chan string)
	go sweep(endpoints, out)

	r := &report{}
	for range endpoints {
		r.lines = append(r.lines, <-out)
	}
	close(out)
	return r
}

func main() {
	eps := []string{"db-1:5432", "db-2:0", "cache-1:6379", "api-1:8080"}
	r := runHealthCheck(eps)
	r.print()
	time.Sleep(10 * time.Millisecond)
}
