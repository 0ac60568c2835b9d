package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

type command struct {
	name string
	run  func(args []string) error
}

var commands = []command{
	{name: "ship", run: runShip},
	{name: "version", run: func([]string) error { fmt.Println("shipper 0.4.1"); return nil }},
}

func runShip(args []string) error {
	fs := flag.NewFlagSet("ship", flag.ContinueOnError)
	target := fs.String("to", "127.0.0.1:5140", "syslog collector (udp)")
	every := fs.Duration("stats", 10*time.Second, "stats period")
	if err := fs.Parse(args); err != nil {
		return err
	}
	conn, err := net.Dial("udp", *target)
	if err != nil {
		return err
	}
	defer conn.Close()

	stats := startFlusher(os.Stderr, *every)
	for _, path := range fs.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			stats.failures.Add(1)
			continue
		}
		if _, err := conn.Write(data); err != nil {
			stats.failures.Add(1)
			continue
		}
		stats.sent.Add(1)
	}
	return nil
}

func execute(argv []string) error {
	if len(argv) == 0 {
		return errors.New("usage: shipper <ship|version> [flags]")
	}
	for _, c := range commands {
		if c.name == argv[0] {
			return c.run(argv[1:])
		}
	}
	return fmt.Errorf("unknown command %q", argv[0])
}

func main() {
	if err := execute(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
