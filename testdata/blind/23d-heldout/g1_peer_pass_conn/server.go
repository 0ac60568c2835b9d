// Correct: passConn sends under s.mu.RLock on a peer just looked up in s.peers; removePeer deletes under s.mu.Lock before cancelling, and the peer closes connCh only after cancel.
package g1_peer_pass_conn

import (
	"context"
	"log"
	"net"
	"sync"
)

type peerState int

const (
	stateIdle peerState = iota
	stateHandshaking
	stateEstablished
)

// peer is a per-address state machine fed with inbound connections.
type peer struct {
	addr   string
	state  peerState
	connCh chan net.Conn
	cancel context.CancelFunc
}

func (p *peer) run(ctx context.Context) {
	defer close(p.connCh)
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-p.connCh:
			p.state = stateHandshaking
			log.Printf("peer %s: handshake with %s", p.addr, c.RemoteAddr())
			p.state = stateEstablished
			_ = c.Close()
		}
	}
}

type Server struct {
	mu    sync.RWMutex
	peers map[string]*peer
}

func NewServer() *Server {
	return &Server{peers: make(map[string]*peer)}
}

func (s *Server) addPeer(addr string) *peer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.peers[addr]; ok {
		return p
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &peer{addr: addr, connCh: make(chan net.Conn, 1), cancel: cancel}
	s.peers[addr] = p
	go p.run(ctx)
	return p
}

// passConn hands conn to the peer for addr. Returns false if there is no
// such peer or it is busy with another handshake.
func (s *Server) passConn(addr string, conn net.Conn) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.peers[addr]
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

func (s *Server) removePeer(addr string) {
	s.mu.Lock()
	p, ok := s.peers[addr]
	if ok {
		delete(s.peers, addr)
	}
	s.mu.Unlock()
	if ok {
		p.cancel()
	}
}

func (s *Server) handleInbound(conn net.Conn) {
	host, _, err := net.SplitHostPort(conn.RemoteAddr().String())
	if err != nil || !s.passConn(host, conn) {
		_ = conn.Close()
	}
}

// Shutdown stops every peer through removePeer, so each one leaves the map
// before its loop is told to exit.
func (s *Server) Shutdown() {
	s.mu.RLock()
	addrs := make([]string, 0, len(s.peers))
	for a := range s.peers {
		addrs = append(addrs, a)
	}
	s.mu.RUnlock()
	for _, a := range addrs {
		s.removePeer(a)
	}
}
