package main

import (
	"errors"
	"fmt"
	"math/rand"
	"time"
)

var errBusy = errors.New("shard busy")

// fetchReq asks the shard loader for one key.
type fetchReq struct {
	key   string
	reply chan fetchResp
}

type fetchResp struct {
	val string
	err error
}

// Loader serves fetches from a background goroutine and retries once
// when the backing shard reports it is busy.
type Loader struct {
	reqs chan fetchReq
}

func NewLoader() *Loader {
	l := &Loader{reqs: make(chan fetchReq)}
	go l.serve()
	return l
}

func (l *Loader) read(key string) (string, error) {
	if rand.Intn(3) == 0 {
		return "", errBusy
	}
	return "value-of-" + key, nil
}

func (l *Loader) serve() {
	for req := range l.reqs {
		go l.handle(req)
	}
}

func (l *Loader) handle(req fetchReq) {
	val, err := l.read(req.key)
	if errors.Is(err, errBusy) {
		// let the caller know early, then try once more
		req.reply <- fetchResp{err: err}
		time.Sleep(5 * time.Millisecond)
		val, err = l.read(req.key)
	}
	req.reply <- fetchResp{val: val, err: err}
}

// Fetch issues one request and returns the first reply it gets.
func (l *Loader) Fetch(key string) (string, error) {
	reply := make(chan fetchResp)
	l.reqs <- fetchReq{key: key, reply: reply}
	resp := <-reply
	close(reply)
	return resp.val, resp.err
}

func (l *Loader) Stop() { close(l.reqs) }

func main() {
	l := NewLoader()
	defer l.Stop()
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		v, err := l.Fetch(k)
		if err != nil {
			fmt.Println(k, "failed:", err)
			continue
		}
		fmt.Println(k, "=", v)
	}
	time.Sleep(20 * time.Millisecond)
}
