// Goroutines started by the commands of a command-line program, which
// runs one command per process: they live as long as the process. The
// same goroutines started per request, per item or per event pile up.
package main

import (
	"bufio"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"example.com/cmdkit"
)

func sample(every time.Duration) {
	for {
		time.Sleep(every)
		log.Print("sample")
	}
}

// A framework's commands in package variables (cobra's shape): the
// framework runs the one the command line names.
var benchCmd = &cmdkit.Command{Use: "bench", Run: runBench}

var loadCmd = &cmdkit.Command{Use: "load", Run: runLoad}

func runBench(cmd *cmdkit.Command, args []string) {
	go sample(time.Minute) // once per process
	runTest(test{init: func() {
		go sample(time.Second) // runTest calls init once
	}})
}

// A struct passed by value whose function fields runTest calls: init
// once, tick on every turn of a loop.
type test struct {
	init func()
	tick func()
}

func runTest(t test) {
	t.init()
	for i := 0; i < 10; i++ {
		t.tick()
	}
}

func runLoad(cmd *cmdkit.Command, args []string) {
	runTest(test{
		init: func() {},
		tick: func() {
			go sample(time.Second) // want `goroutine never terminates: its loop has no exit, and one is started on every call of runLoad`
		},
	})
}

var repeatCmd = &cmdkit.Command{Use: "repeat", Run: runRepeat}

// Another test value, whose init is called in a loop: its goroutines
// pile up; those of runBench's init, a field of another value, do not.
func runRepeat(cmd *cmdkit.Command, args []string) {
	t := test{init: func() {
		go sample(time.Second) // want `goroutine never terminates: its loop has no exit, and one is started on every call of runRepeat`
	}}
	for range 3 {
		t.init()
	}
}

// A command made by a function main calls once, running a method value.
type replay struct{ every time.Duration }

func newReplayCmd() *cmdkit.Command {
	r := &replay{every: time.Second}
	return &cmdkit.Command{Use: "replay", Run: r.run}
}

func (r *replay) run(cmd *cmdkit.Command, args []string) {
	t := time.NewTicker(r.every)
	go func() { // once per process
		for range t.C {
			log.Print("progress")
		}
	}()
}

// A hand-written table of subcommands that main looks up.
type command struct {
	name string
	run  func(args []string) error
}

var commands = []command{
	{"mirror", runMirror},
	{"serve", runServe},
	{"daemon", runDaemon},
}

func runMirror(args []string) error {
	t := time.NewTicker(time.Second)
	go func() { // once per process
		for range t.C {
			log.Print("copied")
		}
	}()
	for _, f := range args {
		watch(f)
	}
	return nil
}

func watch(name string) {
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of watch`
		for {
			time.Sleep(time.Second)
			os.Stat(name)
		}
	}()
}

// A map of functions main calls.
var tools = map[string]func(){"watch": runWatch}

func runWatch() {
	go sample(time.Hour) // once per process
}

// A server's route table: its handlers run per request.
var routes = map[string]http.HandlerFunc{"/start": handleStart}

func handleStart(w http.ResponseWriter, r *http.Request) {
	go sample(time.Second) // want `goroutine never terminates: its loop has no exit, and one is started on every request handleStart serves`
}

func runServe(args []string) error {
	for p, h := range routes {
		http.Handle(p, h)
	}
	return http.ListenAndServe(":8080", nil)
}

// A table whose functions the program's own request loop calls.
type op struct {
	name string
	do   func(arg string)
}

var ops = []op{{"sample", doSample}}

func doSample(arg string) {
	go sample(time.Second) // want `goroutine never terminates: its loop has no exit, and one is started on every call of doSample`
}

func runDaemon(args []string) error {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		for _, o := range ops {
			if o.name == in.Text() {
				o.do(in.Text())
			}
		}
	}
	return nil
}

// A hook of a standard library type runs per event (here, per
// connection), not once.
var srv = &http.Server{ConnState: onConn}

func onConn(c net.Conn, s http.ConnState) {
	go sample(time.Second) // want `goroutine never terminates: its loop has no exit, and one is started on every call of onConn`
}

func main() {
	root := &cmdkit.Command{Use: "tool"}
	root.AddCommand(benchCmd, loadCmd, repeatCmd, newReplayCmd())
	if len(os.Args) > 1 {
		for _, c := range commands {
			if c.name == os.Args[1] {
				if err := c.run(os.Args[2:]); err != nil {
					log.Fatal(err)
				}
				return
			}
		}
		if f, ok := tools[os.Args[1]]; ok {
			f()
			return
		}
	}
	go srv.ListenAndServe()
	root.Execute()
}
