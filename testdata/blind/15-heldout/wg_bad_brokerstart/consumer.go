// BAD: main runs svc.Start in a goroutine (it dials with retries first) and Start only then does s.wg.Add(2); a SIGTERM during the dial makes Shutdown's s.wg.Wait() return at zero and print "stopped cleanly" while Start goes on to launch both loops, which then race with the exit (and the late Add races with Wait).
package wg_bad_brokerstart

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"
)

type Consumer struct {
	Addr   string
	wg     sync.WaitGroup
	msgs   chan string
	cancel context.CancelFunc
}

func NewConsumer(addr string) *Consumer {
	return &Consumer{Addr: addr, msgs: make(chan string, 64)}
}

func (s *Consumer) Start(ctx context.Context) error {
	var conn net.Conn
	var err error
	for i := 0; i < 5; i++ {
		if conn, err = net.DialTimeout("tcp", s.Addr, time.Second); err == nil {
			break
		}
		time.Sleep(time.Duration(i+1) * 200 * time.Millisecond)
	}
	if conn == nil {
		return errors.Join(errors.New("consumer: broker unreachable"), err)
	}

	s.wg.Add(2) // WANT waitgroupadd
	go s.readLoop(ctx, conn)
	go s.commitLoop(ctx)
	return nil
}

func (s *Consumer) readLoop(ctx context.Context, conn net.Conn) {
	defer s.wg.Done()
	defer conn.Close()
	buf := make([]byte, 4096)
	for ctx.Err() == nil {
		conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		n, err := conn.Read(buf)
		if n > 0 {
			s.msgs <- string(buf[:n])
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				return
			}
		}
	}
}

func (s *Consumer) commitLoop(ctx context.Context) {
	defer s.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.msgs:
		}
	}
}
