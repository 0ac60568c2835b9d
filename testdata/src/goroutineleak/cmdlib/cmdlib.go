// A library's command: whoever imports the package may run it any
// number of times, but nothing here shows that it does, and a
// command's process usually runs it once: its never-ending goroutine
// is not reported.
package cmdlib

import (
	"log"
	"time"

	"example.com/cmdkit"
)

var Cmd = &cmdkit.Command{Use: "sample", Run: run}

func run(cmd *cmdkit.Command, args []string) {
	go func() { // silent: nothing shows its starter runs again, nor a way to stop it
		for {
			time.Sleep(time.Second)
			log.Print("sample")
		}
	}()
}
