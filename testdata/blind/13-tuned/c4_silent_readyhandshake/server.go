// Class 4, SILENT: the serve goroutine sends on started exactly once, before its accept loop, and Start receives that value on every path before it closes started, so no send can follow the close.
package c4_silent_readyhandshake

import (
	"log"
	"net"
	"sync"
)

type Server struct {
	ln      net.Listener
	handler func(net.Conn)
	wg      sync.WaitGroup
}

func (s *Server) Start(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	s.ln = ln

	started := make(chan string)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		started <- ln.Addr().String()
		for {
			c, err := ln.Accept()
			if err != nil {
				log.Printf("accept: %v", err)
				return
			}
			go s.handler(c)
		}
	}()

	bound := <-started
	close(started)
	return bound, nil
}

func (s *Server) Stop() error {
	err := s.ln.Close()
	s.wg.Wait()
	return err
}
