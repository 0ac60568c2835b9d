package onclose

import (
	"bufio"
	"io"
	"log"
)

type Listener interface {
	OnMessage(line string)
	OnClose(err error)
}

type Session struct {
	r        *bufio.Reader
	rc       io.Closer
	listener Listener
	finished chan struct{}
}

func Dial(rwc io.ReadCloser, l Listener) *Session {
	s := &Session{r: bufio.NewReader(rwc), rc: rwc, finished: make(chan struct{})}
	if l == nil {
		l = &drainListener{s: s}
	}
	s.listener = l
	go s.readLoop()
	return s
}

func (s *Session) readLoop() {
	defer close(s.finished)
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			s.listener.OnClose(err)
			return
		}
		s.listener.OnMessage(line)
	}
}

func (s *Session) Wait() {
	<-s.finished
}

type drainListener struct {
	s     *Session
	lines int
}

func (d *drainListener) OnMessage(line string) { d.lines++ }

func (d *drainListener) OnClose(err error) {
	d.s.rc.Close()
	d.s.Wait()
	log.Printf("session drained after %d lines: %v", d.lines, err)
}
