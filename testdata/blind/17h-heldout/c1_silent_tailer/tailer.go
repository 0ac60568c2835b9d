package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Tailer reads lines from a stream and exposes them on Lines().
// The reader goroutine owns the lines channel.
type Tailer struct {
	lines chan string
	stop  chan struct{}
	err   error
}

func NewTailer(r io.Reader) *Tailer {
	t := &Tailer{
		lines: make(chan string),
		stop:  make(chan struct{}),
	}
	go t.read(r)
	return t
}

func (t *Tailer) read(r io.Reader) {
	defer close(t.lines)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		select {
		case t.lines <- line:
		case <-t.stop:
			return
		}
	}
	t.err = sc.Err()
}

func (t *Tailer) Lines() <-chan string { return t.lines }

// Stop asks the reader to give up; Lines() is closed once it has returned.
func (t *Tailer) Stop() {
	close(t.stop)
}

func main() {
	input := strings.Repeat("GET /index.html 200\n\nPOST /api/v1/items 201\nGET /missing 404\n", 20)
	t := NewTailer(strings.NewReader(input))
	errors := 0
	seen := 0
	for line := range t.Lines() {
		seen++
		if strings.HasSuffix(line, "404") {
			errors++
		}
		if errors == 5 {
			t.Stop()
			break
		}
	}
	for range t.Lines() {
	}
	fmt.Printf("seen=%d errors=%d\n", seen, errors)
}
