package b2_session_heartbeat

import (
	"bufio"
	"log"
	"net"
	"sync"
	"time"
)

// Session is one client connection to the push gateway.
type Session struct {
	ID       string
	conn     net.Conn
	interval time.Duration

	mu       sync.Mutex
	lastSeen time.Time
}

func NewSession(conn net.Conn, interval time.Duration) *Session {
	return &Session{
		ID:       conn.RemoteAddr().String(),
		conn:     conn,
		interval: interval,
		lastSeen: time.Now(),
	}
}

// Start begins sending heartbeats to the client.
func (s *Session) Start() {
	go func() { // BAD: heartbeat loop per session never exits, even after Close
		for {
			time.Sleep(s.interval)
			s.mu.Lock()
			_, err := s.conn.Write([]byte("PING\n"))
			s.mu.Unlock()
			if err != nil {
				log.Printf("session %s: heartbeat: %v", s.ID, err)
			}
		}
	}()
}

func (s *Session) touch() {
	s.mu.Lock()
	s.lastSeen = time.Now()
	s.mu.Unlock()
}

// Close closes the underlying connection.
func (s *Session) Close() error {
	return s.conn.Close()
}

// Server accepts sessions and echoes their messages to a handler.
type Server struct {
	ln        net.Listener
	heartbeat time.Duration
	OnMessage func(s *Session, line string)
}

func NewServer(ln net.Listener, heartbeat time.Duration) *Server {
	return &Server{ln: ln, heartbeat: heartbeat}
}

func (srv *Server) Serve() error {
	for {
		conn, err := srv.ln.Accept()
		if err != nil {
			return err
		}
		s := NewSession(conn, srv.heartbeat)
		s.Start()
		go srv.handle(s)
	}
}

func (srv *Server) handle(s *Session) {
	defer s.Close()
	sc := bufio.NewScanner(s.conn)
	for sc.Scan() {
		s.touch()
		if srv.OnMessage != nil {
			srv.OnMessage(s, sc.Text())
		}
	}
}
