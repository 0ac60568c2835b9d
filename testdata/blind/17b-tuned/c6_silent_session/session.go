package session

import (
	"context"
	"log"
	"net"
	"sync"
	"time"
)

type Session struct {
	conn   net.Conn
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func Dial(addr string) (*Session, error) {
	conn, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Session{conn: conn, cancel: cancel}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		<-ctx.Done()
		s.conn.Close()
	}()
	return s, nil
}

func (s *Session) Close() {
	s.cancel()
	s.wg.Wait()
}

func (s *Session) Send(msg []byte) error {
	_ = s.conn.SetWriteDeadline(time.Now().Add(2 * time.Second))
	_, err := s.conn.Write(msg)
	return err
}

func Broadcast(addrs []string, msg []byte) int {
	sent := 0
	for _, a := range addrs {
		if deliver(a, msg) {
			sent++
		}
	}
	return sent
}

func deliver(addr string, msg []byte) bool {
	s, err := Dial(addr)
	if err != nil {
		log.Printf("dial %s: %v", addr, err)
		return false
	}
	defer s.Close()
	if err := s.Send(msg); err != nil {
		log.Printf("send %s: %v", addr, err)
		return false
	}
	return true
}
