package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// lookupReq asks the directory service for the address of a user.
type lookupReq struct {
	user  string
	reply chan lookupResp
}

type lookupResp struct {
	addr string
	err  error
}

// Directory serves lookups from a single goroutine that owns the table.
type Directory struct {
	reqs  chan lookupReq
	table map[string]string
}

func NewDirectory(entries map[string]string) *Directory {
	d := &Directory{reqs: make(chan lookupReq), table: entries}
	go d.serve()
	return d
}

func (d *Directory) serve() {
	for req := range d.reqs {
		addr, ok := d.table[strings.ToLower(req.user)]
		if !ok {
			req.reply <- lookupResp{err: errors.New("unknown user " + req.user)}
			continue
		}
		req.reply <- lookupResp{addr: addr}
	}
}

// Lookup sends one request and waits for its one reply.
func (d *Directory) Lookup(user string) (string, error) {
	reply := make(chan lookupResp)
	d.reqs <- lookupReq{user: user, reply: reply}
	resp := <-reply
	close(reply)
	if resp.err != nil {
		return "", fmt.Errorf("lookup: %w", resp.err)
	}
	return resp.addr, nil
}

func (d *Directory) Stop() { close(d.reqs) }

func main() {
	d := NewDirectory(map[string]string{
		"alice": "10.0.0.4:7000",
		"bob":   "10.0.0.9:7000",
	})
	defer d.Stop()

	start := time.Now()
	for _, u := range []string{"Alice", "carol", "bob"} {
		addr, err := d.Lookup(u)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s -> %s\n", u, addr)
	}
	fmt.Println("took", time.Since(start).Round(time.Millisecond))
}
