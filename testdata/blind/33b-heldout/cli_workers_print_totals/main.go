// BAD: main starts a pool of workers that tally line counts under a mutex, then sleeps one
// second and prints the totals, assuming all workers have finished by then.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

type totals struct {
	mu    sync.Mutex
	files int
	lines int
	words int
}

func (t *totals) add(lines, words int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.files++
	t.lines += lines
	t.words += words
}

func (t *totals) snapshot() (int, int, int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.files, t.lines, t.words
}

func countFile(path string) (int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	lines, words := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines++
		words += len(strings.Fields(sc.Text()))
	}
	return lines, words, sc.Err()
}

func worker(id int, paths <-chan string, t *totals) {
	for p := range paths {
		l, w, err := countFile(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "worker %d: %v\n", id, err)
			continue
		}
		t.add(l, w)
	}
}

func main() {
	workers := flag.Int("j", 4, "number of workers")
	flag.Parse()

	paths := make(chan string)
	var t totals
	for i := 0; i < *workers; i++ {
		go worker(i, paths, &t)
	}
	for _, p := range flag.Args() {
		paths <- p
	}
	close(paths)

	time.Sleep(time.Second) // want "time.Sleep used to wait"

	files, lines, words := t.snapshot()
	fmt.Printf("%d files, %d lines, %d words\n", files, lines, words)
}
