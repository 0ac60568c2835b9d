package main

import (
	"flag"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

var (
	loadURL  string
	loadRate int
	loadN    int
)

func init() {
	register("load", "send requests to a URL at a fixed rate", func(fs *flag.FlagSet) {
		fs.StringVar(&loadURL, "url", "http://localhost:8080/", "target")
		fs.IntVar(&loadRate, "rate", 20, "requests per second")
		fs.IntVar(&loadN, "n", 200, "total requests")
	}, runLoad)
	register("version", "print the version", nil, func(*flag.FlagSet) error {
		fmt.Println("hammer 0.3.1")
		return nil
	})
}

func runLoad(fs *flag.FlagSet) error {
	tokens := make(chan struct{}, loadRate)
	tick := time.NewTicker(time.Second / time.Duration(loadRate))
	go func() {
		for range tick.C {
			select {
			case tokens <- struct{}{}:
			default:
			}
		}
	}()

	var ok, failed atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < loadN; i++ {
		<-tokens
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(loadURL)
			if err != nil {
				failed.Add(1)
				return
			}
			resp.Body.Close()
			ok.Add(1)
		}()
	}
	wg.Wait()
	fmt.Printf("ok=%d failed=%d\n", ok.Load(), failed.Load())
	return nil
}
