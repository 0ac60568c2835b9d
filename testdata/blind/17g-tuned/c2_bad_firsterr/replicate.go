package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

type Replica struct {
	Addr string
	down bool
}

// Apply pretends to push a write to one replica.
func (r *Replica) Apply(key, value string) error {
	time.Sleep(time.Duration(len(r.Addr)) * time.Millisecond)
	if r.down {
		return fmt.Errorf("replica %s unavailable", r.Addr)
	}
	return nil
}

// Replicator writes to every replica in parallel.
type Replicator struct {
	replicas []*Replica
}

func (rp *Replicator) Write(key, value string) error {
	results := make([]chan error, len(rp.replicas))
	for i, r := range rp.replicas {
		results[i] = make(chan error)
		go func(ch chan error, r *Replica) {
			ch <- r.Apply(key, value)
		}(results[i], r)
	}
	for i, ch := range results {
		if err := <-ch; err != nil {
			return fmt.Errorf("write %q to replica %d: %w", key, i, err)
		}
	}
	return nil
}

func main() {
	rp := &Replicator{replicas: []*Replica{
		{Addr: "10.0.0.1:2379", down: true},
		{Addr: "10.0.0.2:2379"},
		{Addr: "10.0.0.3:2379"},
	}}
	err := rp.Write("/registry/pods/web-0", "{}")
	if err != nil {
		var sb strings.Builder
		sb.WriteString("replication failed: ")
		sb.WriteString(err.Error())
		fmt.Println(sb.String(), errors.Unwrap(err) != nil)
	}
	time.Sleep(50 * time.Millisecond)
}
