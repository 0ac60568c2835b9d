package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

type probeResult struct {
	conn   net.Conn
	banner string
}

func probe(addr string, wait time.Duration) (string, error) {
	started := make(chan struct{})
	results := make(chan probeResult, 1)
	go func() {
		close(started)
		c, err := net.DialTimeout("tcp", addr, wait)
		if err != nil {
			return
		}
		c.SetReadDeadline(time.Now().Add(wait))
		line, _ := bufio.NewReader(c).ReadString('\n')
		results <- probeResult{conn: c, banner: line}
	}()

	select {
	case <-started:
	case <-time.After(wait):
		log.Fatalf("probe of %s did not start", addr)
	}
	res := <-results
	defer res.conn.Close()
	if res.banner == "" {
		return "", fmt.Errorf("%s: empty banner", addr)
	}
	return res.banner, nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:25", "host:port to probe")
	wait := flag.Duration("wait", 3*time.Second, "timeout")
	flag.Parse()
	banner, err := probe(*addr, *wait)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(banner)
}
