package main

import (
	"fmt"
	"hash/crc32"
	"log"
	"time"
)

type replica struct {
	addr string
	data map[string]string
}

type readResult struct {
	addr  string
	value string
	ok    bool
}

func (r *replica) get(key string) readResult {
	// Simulate network latency proportional to the address checksum.
	time.Sleep(time.Duration(crc32.ChecksumIEEE([]byte(r.addr))%5) * time.Millisecond)
	v, ok := r.data[key]
	return readResult{addr: r.addr, value: v, ok: ok}
}

// quorumRead asks the primary and the secondary and returns the value
// only when both agree.
func quorumRead(primary, secondary *replica, key string) (string, error) {
	results := make(chan readResult, 2)
	go func() { results <- primary.get(key) }()
	go func() { results <- secondary.get(key) }()

	first := <-results
	second := <-results
	close(results)

	// Log whatever is left; nothing is expected after two reads.
	for r := range results {
		log.Printf("unexpected extra result from %s", r.addr)
	}

	if !first.ok || !second.ok {
		return "", fmt.Errorf("key %q missing on a replica", key)
	}
	if first.value != second.value {
		return "", fmt.Errorf("replicas disagree on %q: %q vs %q", key, first.value, second.value)
	}
	return first.value, nil
}

func main() {
	p := &replica{addr: "10.0.0.1:7000", data: map[string]string{"user:1": "ada", "user:2": "bob"}}
	s := &replica{addr: "10.0.0.2:7000", data: map[string]string{"user:1": "ada", "user:2": "rob"}}
	for _, k := range []string{"user:1", "user:2", "user:3"} {
		v, err := quorumRead(p, s, k)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(k, "=", v)
	}
}
