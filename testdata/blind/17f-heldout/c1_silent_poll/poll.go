package main

import (
	"fmt"
	"time"
)

// poll calls cond every interval until it reports true.
func poll(interval time.Duration, cond func() bool) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for !cond() {
		<-t.C
	}
}

type Leader struct {
	elected chan string
	stopped chan struct{}
}

func NewLeader() *Leader {
	return &Leader{
		elected: make(chan string, 1),
		stopped: make(chan struct{}),
	}
}

// campaign wins the election and announces the winner; the result is kept
// until a watcher collects it.
func (l *Leader) campaign(id string) {
	select {
	case l.elected <- id:
	default:
		fmt.Println("result already pending")
	}
}

func (l *Leader) watch() string {
	var leader string
	poll(5*time.Millisecond, func() bool {
		leader = <-l.elected
		return leader != ""
	})
	return leader
}

func main() {
	l := NewLeader()
	l.campaign("node-1")
	done := make(chan string)
	go func() {
		done <- l.watch()
	}()
	fmt.Println("leader:", <-done)
	close(l.stopped)
}
