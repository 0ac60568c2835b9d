// A library's command: whoever imports the package may run it any
// number of times, so its never-ending goroutine piles up.
package cmdlib

import (
	"log"
	"time"

	"example.com/cmdkit"
)

var Cmd = &cmdkit.Command{Use: "sample", Run: run}

func run(cmd *cmdkit.Command, args []string) {
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of run`
		for {
			time.Sleep(time.Second)
			log.Print("sample")
		}
	}()
}
