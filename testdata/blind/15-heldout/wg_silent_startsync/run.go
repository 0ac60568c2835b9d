package wg_silent_startsync

import (
	"bufio"
	"context"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

type server struct {
	ln   net.Listener
	pool *Pool
}

func (s *server) acceptLoop(ctx context.Context) {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		line, _ := bufio.NewReader(c).ReadString('\n')
		select {
		case s.pool.jobs <- func() { log.Printf("job %q", strings.TrimSpace(line)); c.Close() }:
		case <-ctx.Done():
			c.Close()
			return
		}
	}
}

func Run(addr string, workers int) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	srv := &server{ln: ln, pool: NewPool(workers)}
	srv.pool.Start(ctx)
	go srv.acceptLoop(ctx)

	<-ctx.Done()
	log.Print("draining workers")
	ln.Close()
	srv.pool.wg.Wait()
	log.Print("all workers stopped")
	return nil
}
