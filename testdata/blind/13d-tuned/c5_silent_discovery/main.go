package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"sort"
	"time"
)

type peerSet struct {
	service string
	every   time.Duration
	lookups chan chan []string
}

func newPeerSet(service string, every time.Duration) *peerSet {
	ps := &peerSet{service: service, every: every, lookups: make(chan chan []string)}
	go ps.refresh()
	return ps
}

func (ps *peerSet) refresh() {
	var current []string
	tick := time.NewTicker(ps.every)
	defer tick.Stop()
	current = resolve(ps.service)
	for {
		select {
		case <-tick.C:
			if addrs := resolve(ps.service); len(addrs) > 0 {
				current = addrs
			}
		case reply := <-ps.lookups:
			reply <- append([]string(nil), current...)
		}
	}
}

func (ps *peerSet) Peers() []string {
	reply := make(chan []string, 1)
	ps.lookups <- reply
	return <-reply
}

func resolve(service string) []string {
	addrs, err := net.LookupHost(service)
	if err != nil {
		log.Printf("resolve %s: %v", service, err)
		return nil
	}
	sort.Strings(addrs)
	return addrs
}

func run(args []string) error {
	fs := flag.NewFlagSet("peerwatch", flag.ContinueOnError)
	service := fs.String("service", "localhost", "DNS name to watch")
	every := fs.Duration("every", 5*time.Second, "refresh interval")
	rounds := fs.Int("rounds", 3, "how many times to print the peer list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	peers := newPeerSet(*service, *every)
	for i := 0; i < *rounds; i++ {
		fmt.Println(peers.Peers())
		time.Sleep(*every)
	}
	return nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
