// A command-line program: main runs one command, whose task goroutines
// panic on an error as the program's way to fail fast (a deliberate
// crash, as log.Fatal(err) would be); near misses that crash a server
// per request, or on something other than an error.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
	"time"
)

func load(name string) ([]byte, error) { return os.ReadFile(name) }

// One run of the command: silent.
func sizes(names []string) []int {
	out := make([]int, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := load(n)
			if err != nil {
				panic(err)
			}
			out[i] = len(b)
		}()
	}
	wg.Wait()
	return out
}

// A step timed by a helper that calls it once (promtool's
// measureTime): the tasks' helper fails fast on an error: silent.
func measure(stage string, f func() error) (time.Duration, error) {
	start := time.Now()
	if err := f(); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

func ingestShard(names []string) int {
	n := 0
	for _, name := range names {
		b, err := load(name)
		if err != nil {
			panic(err)
		}
		n += len(b)
	}
	return n
}

func ingest(shards [][]string) int {
	total := make([]int, len(shards))
	var wg sync.WaitGroup
	for i, s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total[i] = ingestShard(s)
		}()
	}
	wg.Wait()
	return len(total)
}

// Near miss: a panic that states no error, in one run of the command.
func kinds(names []string) {
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(n) == 0 {
				panic(fmt.Sprintf("empty name in %v", names)) // want `panic in a goroutine started per task crashes the whole program: nothing in the goroutine recovers it`
			}
		}()
	}
	wg.Wait()
}

// Near miss: a server's handler, run once per request: one bad request
// crashes the server.
func handle(w http.ResponseWriter, r *http.Request) {
	names := r.URL.Query()["f"]
	out := make([]int, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := load(n)
			if err != nil {
				panic(err) // want `panic in a goroutine started per task crashes the whole program`
			}
			out[i] = len(b)
		}()
	}
	wg.Wait()
	fmt.Fprint(w, out)
}

func main() {
	switch os.Args[1] {
	case "sizes":
		fmt.Println(sizes(os.Args[2:]))
	case "ingest":
		if _, err := measure("ingest", func() error {
			ingest([][]string{os.Args[2:]})
			return nil
		}); err != nil {
			log.Fatal(err)
		}
	case "kinds":
		kinds(os.Args[2:])
	case "serve":
		http.HandleFunc("/", handle)
		log.Fatal(http.ListenAndServe(":8080", nil))
	}
}
