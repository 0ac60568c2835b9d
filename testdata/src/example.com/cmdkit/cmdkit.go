// Package cmdkit is a small command framework in the manner of cobra:
// a tree of commands, of which Execute runs the one the command line
// names, once.
package cmdkit

import "os"

type Command struct {
	Use  string
	Run  func(cmd *Command, args []string)
	subs []*Command
}

func (c *Command) AddCommand(cs ...*Command) { c.subs = append(c.subs, cs...) }

func (c *Command) Execute() error {
	args := os.Args[1:]
	for _, s := range c.subs {
		if len(args) > 0 && s.Use == args[0] {
			s.Run(s, args[1:])
			return nil
		}
	}
	return nil
}
