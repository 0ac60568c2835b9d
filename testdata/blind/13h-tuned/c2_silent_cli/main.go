package main

import (
	"fmt"
	"os"
)

type command struct {
	name  string
	usage string
	run   func(args []string) error
}

var commands = []command{
	{name: "mirror", usage: "mirror SRC DST   copy a directory tree", run: runMirror},
	{name: "size", usage: "size DIR         print total size of a tree", run: runSize},
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: treetool <command> [args]")
	for _, c := range commands {
		fmt.Fprintln(os.Stderr, "  "+c.usage)
	}
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	for _, c := range commands {
		if c.name != os.Args[1] {
			continue
		}
		if err := c.run(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "treetool:", err)
			os.Exit(1)
		}
		return
	}
	usage()
}
