// GOOD: each encoder comes off the free list and is re-initialised by encodeBatch,
// which is its only owner at that point; the lock only serialises the field workers
// encodeBatch itself starts, and the encoder goes back on the list after wg.Wait.
package main

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
)

type encoder struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	fields int
}

func (e *encoder) writeField(name string, v int) {
	s := name + "=" + strconv.Itoa(v) + ";"
	e.mu.Lock()
	e.buf.WriteString(s)
	e.fields++
	e.mu.Unlock()
}

func (e *encoder) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.fields
}

func (e *encoder) bytes() []byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]byte(nil), e.buf.Bytes()...)
}

func (e *encoder) init(header string) {
	e.buf.Reset()
	e.buf.WriteString(header)
	e.fields = 0
}

var freeList = make(chan *encoder, 8)

func getEncoder() *encoder {
	select {
	case e := <-freeList:
		return e
	default:
		return new(encoder)
	}
}

func putEncoder(e *encoder) {
	select {
	case freeList <- e:
	default:
	}
}

type Message struct {
	Topic  string
	Fields map[string]int
}

func encodeMessage(m Message) ([]byte, int) {
	enc := getEncoder()
	enc.init(m.Topic + "|")

	var wg sync.WaitGroup
	for name, v := range m.Fields {
		wg.Add(1)
		go func(name string, v int) {
			defer wg.Done()
			enc.writeField(name, v)
		}(name, v)
	}
	wg.Wait()

	out, n := enc.bytes(), enc.count()
	putEncoder(enc)
	return out, n
}

func main() {
	msgs := []Message{
		{Topic: "metrics", Fields: map[string]int{"cpu": 40, "mem": 71}},
		{Topic: "orders", Fields: map[string]int{"open": 3, "closed": 9, "void": 1}},
	}
	var wg sync.WaitGroup
	for _, m := range msgs {
		wg.Add(1)
		go func(m Message) {
			defer wg.Done()
			b, n := encodeMessage(m)
			fmt.Printf("%s (%d fields)\n", b, n)
		}(m)
	}
	wg.Wait()
}
