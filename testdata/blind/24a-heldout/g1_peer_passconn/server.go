// Correct: passConn sends under s.mu.RLock on a peer just looked up in s.peers; RemovePeer/Close delete under s.mu.Lock before stopping the peer, whose run loop closes connCh.
package g1_peer_passconn

import (
	"context"
	"net"
	"sync"
)

type peer struct {
	addr    string
	connCh  chan net.Conn
	cancel  context.CancelFunc
	done    chan struct{}
	handled int
}

func startPeer(parent context.Context, addr string) *peer {
	ctx, cancel := context.WithCancel(parent)
	p := &peer{addr: addr, connCh: make(chan net.Conn, 8), cancel: cancel, done: make(chan struct{})}
	go p.run(ctx)
	return p
}

func (p *peer) run(ctx context.Context) {
	defer close(p.done)
	defer close(p.connCh)
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-p.connCh:
			p.handled++
			_ = c.Close()
		}
	}
}

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
	if _, ok := s.peers[addr]; !ok {
		s.peers[addr] = startPeer(s.ctx, addr)
	}
}

func (s *Server) passConn(conn net.Conn) bool {
	host, _, err := net.SplitHostPort(conn.RemoteAddr().String())
	if err != nil {
		return false
	}
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

func (s *Server) RemovePeer(addr string) {
	s.mu.Lock()
	p, ok := s.peers[addr]
	delete(s.peers, addr)
	s.mu.Unlock()
	if ok {
		p.Stop()
	}
}

// Close detaches every peer, then stops them outside the lock.
func (s *Server) Close() {
	s.mu.Lock()
	peers := s.peers
	s.peers = make(map[string]*peer)
	s.mu.Unlock()
	for _, p := range peers {
		p.Stop()
	}
}
