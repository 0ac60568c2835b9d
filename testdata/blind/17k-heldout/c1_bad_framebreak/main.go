package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"log"
)

// Frame is one length-prefixed record from the wire.
type Frame struct {
	Kind    byte
	Payload []byte
}

// decoderStats is shared between the decoder and the status reporter.
// sem is a one-slot channel acting as its lock.
type decoderStats struct {
	sem     chan struct{}
	frames  int
	bytes   int
	badKind int
}

func (s *decoderStats) add(n int) {
	s.sem <- struct{}{}
	s.frames++
	s.bytes += n
	<-s.sem
}

func (s *decoderStats) reject() {
	s.sem <- struct{}{}
	s.badKind++
	<-s.sem
}

func (s *decoderStats) String() string {
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	return fmt.Sprintf("frames=%d bytes=%d bad=%d", s.frames, s.bytes, s.badKind)
}

// decodeFirst reads frames until it finds the handshake and hands it over.
func decodeFirst(r io.Reader, stats *decoderStats, out chan<- Frame) {
	br := bufio.NewReader(r)
	for {
		var hdr [3]byte
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			log.Printf("decode header: %v", err)
			break
		}
		n := int(binary.BigEndian.Uint16(hdr[1:]))
		payload := make([]byte, n)
		if _, err := io.ReadFull(br, payload); err != nil {
			log.Printf("decode payload: %v", err)
			break
		}
		if hdr[0] > 4 {
			stats.reject()
			continue
		}
		stats.add(n)
		if hdr[0] == 1 {
			out <- Frame{Kind: hdr[0], Payload: payload}
			return
		}
	}
	log.Printf("decoder stopped: %s", stats)
}

func encode(kind byte, payload string) []byte {
	b := []byte{kind, 0, 0}
	binary.BigEndian.PutUint16(b[1:], uint16(len(payload)))
	return append(b, payload...)
}

func main() {
	var wire bytes.Buffer
	wire.Write(encode(2, "ping"))
	wire.Write(encode(9, "junk"))
	wire.Write(encode(3, "pong"))

	stats := &decoderStats{sem: make(chan struct{}, 1)}
	frames := make(chan Frame)
	go decodeFirst(&wire, stats, frames)

	hello := <-frames
	fmt.Printf("handshake %q (%s)\n", hello.Payload, stats)
}
