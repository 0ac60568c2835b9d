// A command-line program whose commands are built by factories kept in
// a map (serf's cli.CommandFactory): the goroutine forwarding
// interrupts serves the process's signals and stays silent; a poller
// started by the same factories does not and is reported.
package main

import (
	"log"
	"os"
	"os/signal"
	"time"
)

type command struct {
	shutdown <-chan struct{}
}

func makeShutdownCh() <-chan struct{} {
	out := make(chan struct{})
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for {
			<-sigs
			out <- struct{}{}
		}
	}()
	return out
}

func makePoller() <-chan struct{} {
	out := make(chan struct{})
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of makePoller`
		for {
			<-time.After(time.Second)
			out <- struct{}{}
		}
	}()
	return out
}

var commands = map[string]func() *command{
	"agent": func() *command { return &command{shutdown: makeShutdownCh()} },
	"poll":  func() *command { return &command{shutdown: makePoller()} },
}

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage")
	}
	c := commands[os.Args[1]]()
	<-c.shutdown
}
