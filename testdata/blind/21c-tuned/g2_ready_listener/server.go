// Correct: Serve Adds for itself before closing ready, and every caller receives <-Ready() before Shutdown's Wait; per-conn Adds run while Serve's count is held.
package g2_ready_listener

import (
	"bufio"
	"errors"
	"net"
	"strings"
	"sync"
)

// KVServer is a toy line-protocol key/value server: "SET k v" / "GET k".
type KVServer struct {
	ln    net.Listener
	ready chan struct{}
	wg    sync.WaitGroup

	mu   sync.RWMutex
	data map[string]string
}

// New creates a server for an already bound listener.
func New(ln net.Listener) *KVServer {
	return &KVServer{ln: ln, ready: make(chan struct{}), data: make(map[string]string)}
}

// Ready is closed once Serve has registered itself and is accepting.
func (s *KVServer) Ready() <-chan struct{} { return s.ready }

// Serve accepts connections until the listener is closed.
func (s *KVServer) Serve() error {
	s.wg.Add(1)
	defer s.wg.Done()
	close(s.ready)

	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		s.wg.Add(1)
		go s.handle(conn)
	}
}

func (s *KVServer) handle(conn net.Conn) {
	defer s.wg.Done()
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	w := bufio.NewWriter(conn)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 3 && f[0] == "SET":
			s.mu.Lock()
			s.data[f[1]] = f[2]
			s.mu.Unlock()
			w.WriteString("OK\n")
		case len(f) == 2 && f[0] == "GET":
			s.mu.RLock()
			v, ok := s.data[f[1]]
			s.mu.RUnlock()
			if !ok {
				v = "(nil)"
			}
			w.WriteString(v + "\n")
		default:
			w.WriteString("ERR\n")
		}
		if w.Flush() != nil {
			return
		}
	}
}

// Shutdown closes the listener and waits for Serve and all handlers.
func (s *KVServer) Shutdown() error {
	err := s.ln.Close()
	s.wg.Wait()
	return err
}

// Start runs Serve in the background and returns once it is accepting.
func Start(addr string) (*KVServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := New(ln)
	go s.Serve()
	<-s.Ready()
	return s, nil
}
