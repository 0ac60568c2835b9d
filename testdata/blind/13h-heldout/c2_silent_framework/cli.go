package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
)

type Cmd struct {
	Short string
	Flags *flag.FlagSet
	Run   func(fs *flag.FlagSet) error
}

var registry = map[string]*Cmd{}

func register(name, short string, setup func(fs *flag.FlagSet), run func(fs *flag.FlagSet) error) {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	if setup != nil {
		setup(fs)
	}
	registry[name] = &Cmd{Short: short, Flags: fs, Run: run}
}

func main() {
	if len(os.Args) < 2 {
		names := make([]string, 0, len(registry))
		for n := range registry {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Printf("%-8s %s\n", n, registry[n].Short)
		}
		os.Exit(2)
	}
	cmd, ok := registry[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	cmd.Flags.Parse(os.Args[2:])
	if err := cmd.Run(cmd.Flags); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
