// Package b1_stream_acks implements per-topic append streams that replicas
// acknowledge asynchronously.
package b1_stream_acks

import (
	"errors"
	"sync"
)

// ErrClosed is returned when appending to a closed stream.
var ErrClosed = errors.New("stream: closed")

// ErrFull is returned when replicas have fallen too far behind.
var ErrFull = errors.New("stream: buffer full")

// Record is one entry in a stream.
type Record struct {
	Seq  uint64
	Data []byte
}

// Stream is an ordered sequence of records for one topic.
type Stream struct {
	mu      sync.Mutex
	topic   string
	nextSeq uint64
	closed  bool
	records chan Record
	acks    chan uint64
}

// NewStream creates a stream for topic with the given buffer depth.
func NewStream(topic string, depth int) *Stream {
	s := &Stream{
		topic:   topic,
		records: make(chan Record, depth),
		acks:    make(chan uint64, depth),
	}
	// Replica acknowledgements are not tracked yet; swallow them so that
	// replicas calling Ack never block.
	go func() { // BAD: every NewStream leaks a goroutine that drains s.acks forever; Close never stops it
		for {
			<-s.acks
		}
	}()
	return s
}

// Topic returns the stream's topic name.
func (s *Stream) Topic() string { return s.topic }

// Append adds data to the stream and returns its sequence number.
func (s *Stream) Append(data []byte) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, ErrClosed
	}
	select {
	case s.records <- Record{Seq: s.nextSeq + 1, Data: data}:
		s.nextSeq++
		return s.nextSeq, nil
	default:
		return 0, ErrFull
	}
}

// Records exposes the record feed for replicas.
func (s *Stream) Records() <-chan Record { return s.records }

// Ack is called by a replica once it has persisted seq.
func (s *Stream) Ack(seq uint64) { s.acks <- seq }

// Close stops accepting appends and closes the record feed.
func (s *Stream) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	close(s.records)
	return nil
}

// Broker hands out one stream per topic and drops streams that are deleted.
type Broker struct {
	mu      sync.Mutex
	depth   int
	streams map[string]*Stream
}

// NewBroker returns a broker whose streams buffer depth records.
func NewBroker(depth int) *Broker {
	return &Broker{depth: depth, streams: make(map[string]*Stream)}
}

// Open returns the stream for topic, creating it if needed.
func (b *Broker) Open(topic string) *Stream {
	b.mu.Lock()
	defer b.mu.Unlock()
	if s, ok := b.streams[topic]; ok {
		return s
	}
	s := NewStream(topic, b.depth)
	b.streams[topic] = s
	return s
}

// Delete closes and forgets the stream for topic.
func (b *Broker) Delete(topic string) {
	b.mu.Lock()
	s, ok := b.streams[topic]
	delete(b.streams, topic)
	b.mu.Unlock()
	if ok {
		s.Close()
	}
}
