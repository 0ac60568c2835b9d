// Server loops and signal waits in a main package live for the whole
// process: silent.
package main

import (
	"net"
	"os"
	"os/signal"
)

func handle(c net.Conn) { c.Close() }

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		<-sigs
		os.Exit(0)
	}()

	l, err := net.Listen("tcp", ":0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				continue
			}
			go handle(c)
		}
	}()

	events := make(chan string)
	go func() {
		for e := range events {
			println(e)
		}
	}()
	for {
		events <- "tick"
	}
}
