package telemetry

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"
)

type Session struct {
	mu      sync.Mutex
	version string
	peer    string
	sent    int

	w    *frameWriter
	rd   *bufio.Reader
	nc   net.Conn
	stop chan struct{}
}

func Dial(addr, client string) (*Session, error) {
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	s := &Session{w: newFrameWriter(nc), rd: bufio.NewReader(nc), nc: nc, stop: make(chan struct{})}
	if err := s.handshake(client); err != nil {
		nc.Close()
		return nil, err
	}
	go s.keepalive(15 * time.Second)
	return s, nil
}

func (s *Session) handshake(client string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.frame("HELLO", client); err != nil {
		return err
	}
	line, err := s.rd.ReadString('\n')
	if err != nil {
		return err
	}
	fields := strings.Fields(line)
	if len(fields) != 3 || fields[0] != "WELCOME" {
		return errors.New("telemetry: bad handshake reply")
	}
	s.peer, s.version = fields[1], fields[2]
	return nil
}

func (s *Session) Send(metric string, v float64) error {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	s.mu.Lock()
	ver := s.version
	s.sent++
	s.mu.Unlock()
	return s.w.frameLocked("METRIC", fmt.Sprintf("%s %s %g", ver, metric, v))
}

func (s *Session) keepalive(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.w.mu.Lock()
			s.mu.Lock()
			n := s.sent
			s.mu.Unlock()
			err := s.w.frameLocked("PING", fmt.Sprint(n))
			s.w.mu.Unlock()
			if err != nil {
				return
			}
		}
	}
}

func (s *Session) Close() error {
	close(s.stop)
	return s.nc.Close()
}
