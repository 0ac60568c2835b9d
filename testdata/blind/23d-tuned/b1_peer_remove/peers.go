package b1_peer_remove

import (
	"context"
	"errors"
	"log"
	"net"
	"sync"
)

// peer is a per-remote state machine. Inbound connections from the same
// address are handed to it through connCh.
type peer struct {
	addr   string
	connCh chan net.Conn
	cancel context.CancelFunc
	done   chan struct{}
}

func newPeer(parent context.Context, addr string) *peer {
	ctx, cancel := context.WithCancel(parent)
	p := &peer{
		addr:   addr,
		connCh: make(chan net.Conn, 4),
		cancel: cancel,
		done:   make(chan struct{}),
	}
	go p.run(ctx)
	return p
}

func (p *peer) run(ctx context.Context) {
	defer close(p.done)
	defer close(p.connCh) // BAD: Server.RemovePeer cancels before deleting from s.peers, so passConn can still find p and send
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-p.connCh:
			p.handshake(c)
		}
	}
}

func (p *peer) handshake(c net.Conn) {
	log.Printf("peer %s: new conn from %s", p.addr, c.RemoteAddr())
	_ = c.Close()
}

// Server tracks one peer per remote address.
type Server struct {
	ctx   context.Context
	mu    sync.RWMutex
	peers map[string]*peer
}

func NewServer(ctx context.Context) *Server {
	return &Server{ctx: ctx, peers: make(map[string]*peer)}
}

func (s *Server) AddPeer(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.peers[addr]; ok {
		return
	}
	s.peers[addr] = newPeer(s.ctx, addr)
}

var errUnknownPeer = errors.New("unknown peer")

// passConn hands an accepted connection to the matching peer.
func (s *Server) passConn(addr string, conn net.Conn) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.peers[addr]
	if !ok {
		return errUnknownPeer
	}
	select {
	case p.connCh <- conn:
		return nil
	default:
		return errors.New("peer busy")
	}
}

// RemovePeer stops the peer's state machine and forgets it.
func (s *Server) RemovePeer(addr string) {
	s.mu.RLock()
	p, ok := s.peers[addr]
	s.mu.RUnlock()
	if !ok {
		return
	}
	p.cancel()
	<-p.done

	s.mu.Lock()
	delete(s.peers, addr)
	s.mu.Unlock()
}

func (s *Server) Serve(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		host, _, _ := net.SplitHostPort(c.RemoteAddr().String())
		if err := s.passConn(host, c); err != nil {
			_ = c.Close()
		}
	}
}
