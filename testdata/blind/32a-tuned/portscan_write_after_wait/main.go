// GOOD: portScan is created per call by ScanPorts and run once; the probing goroutines append
// to s.open only under s.mu, and the unlocked writes to s.open and s.elapsed come after
// wg.Wait has joined every prober.
package main

import (
	"fmt"
	"net"
	"sort"
	"strconv"
	"sync"
	"time"
)

type ScanResult struct {
	Host    string
	Open    []int
	Elapsed time.Duration
}

type portScan struct {
	mu      sync.Mutex
	host    string
	ports   []int
	timeout time.Duration
	open    []int
	elapsed time.Duration
}

func (s *portScan) probe(port int) {
	addr := net.JoinHostPort(s.host, strconv.Itoa(port))
	conn, err := net.DialTimeout("tcp", addr, s.timeout)
	if err != nil {
		return // closed or filtered
	}
	conn.Close()
	s.mu.Lock()
	s.open = append(s.open, port)
	s.mu.Unlock()
}

func (s *portScan) run() {
	start := time.Now()
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	for _, p := range s.ports {
		wg.Add(1)
		sem <- struct{}{}
		go func(port int) {
			defer func() { <-sem; wg.Done() }()
			s.probe(port)
		}(p)
	}
	wg.Wait()

	sort.Ints(s.open)
	s.open = dedupe(s.open)
	s.elapsed = time.Since(start)
}

func dedupe(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// ScanPorts reports which of ports accept TCP connections on host.
func ScanPorts(host string, ports []int, timeout time.Duration) ScanResult {
	s := &portScan{host: host, ports: ports, timeout: timeout}
	s.run()
	return ScanResult{Host: host, Open: s.open, Elapsed: s.elapsed}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	defer ln.Close()
	listening := ln.Addr().(*net.TCPAddr).Port

	ports := []int{listening, listening, 1, 2}
	res := ScanPorts("127.0.0.1", ports, 200*time.Millisecond)
	fmt.Printf("%s: open=%v (%v)\n", res.Host, res.Open, res.Elapsed.Round(time.Millisecond))
}
