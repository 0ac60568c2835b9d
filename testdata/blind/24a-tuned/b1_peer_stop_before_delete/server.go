package b1_peer_stop_before_delete

import (
	"context"
	"log"
	"net"
	"sync"
	"time"
)

// peer runs a per-peer handshake state machine fed by connCh.
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
	defer close(p.connCh) // BAD: peer is still in s.peers while closing; passConn can find it and send on the closed channel
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
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte("HELLO " + p.addr + "\n")); err != nil {
		log.Printf("peer %s: handshake: %v", p.addr, err)
	}
	_ = c.Close()
}

// Stop cancels the state machine and waits for it to exit.
func (p *peer) Stop() {
	p.cancel()
	<-p.done
}

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

// passConn hands an accepted connection to the peer's state machine.
func (s *Server) passConn(conn net.Conn) bool {
	host, _, _ := net.SplitHostPort(conn.RemoteAddr().String())
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.peers[host]
	if !ok {
		return false
	}
	select {
	case p.connCh <- conn:
		return true
	default:
		return false
	}
}

func (s *Server) lookup(addr string) *peer {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.peers[addr]
}

// RemovePeer shuts the peer down and then forgets it.
func (s *Server) RemovePeer(addr string) {
	p := s.lookup(addr)
	if p == nil {
		return
	}
	p.Stop()
	s.forget(addr)
}

func (s *Server) forget(addr string) {
	s.mu.Lock()
	delete(s.peers, addr)
	s.mu.Unlock()
}
