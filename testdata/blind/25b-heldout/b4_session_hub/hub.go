package b4_session_hub

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Conn is a client connection carrying framed messages.
type Conn interface {
	RemoteAddr() string
	Recv(ctx context.Context) ([]byte, error)
	Send(ctx context.Context, msg []byte) error
}

type Handler func(ctx context.Context, msg []byte) ([]byte, error)

// Hub owns every live session; stopping the hub ends them all.
type Hub struct {
	base    context.Context
	stop    context.CancelFunc
	handler Handler

	mu       sync.Mutex
	sessions map[string]*session
	wg       sync.WaitGroup
}

type session struct {
	ctx  context.Context
	conn Conn
}

func NewHub(h Handler) *Hub {
	base, stop := context.WithCancel(context.Background())
	return &Hub{base: base, stop: stop, handler: h, sessions: make(map[string]*session)}
}

// Attach starts serving conn until it fails or the hub stops.
func (h *Hub) Attach(conn Conn) {
	sctx, _ := context.WithCancel(h.base) // BAD: cancel discarded; each session's child stays in the hub's base ctx until Stop
	s := &session{ctx: sctx, conn: conn}

	h.mu.Lock()
	h.sessions[conn.RemoteAddr()] = s
	h.mu.Unlock()

	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		defer h.detach(conn.RemoteAddr())
		h.serve(s)
	}()
}

func (h *Hub) serve(s *session) {
	for {
		msg, err := s.conn.Recv(s.ctx)
		if err != nil {
			return
		}
		if err := h.dispatch(s, msg); err != nil {
			return
		}
	}
}

func (h *Hub) dispatch(s *session, msg []byte) error {
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	reply, err := h.handler(ctx, msg)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil
		}
		return err
	}
	return s.conn.Send(ctx, reply)
}

func (h *Hub) detach(addr string) {
	h.mu.Lock()
	delete(h.sessions, addr)
	h.mu.Unlock()
}

// Len reports the number of live sessions.
func (h *Hub) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.sessions)
}

// Stop ends every session and waits for them to exit.
func (h *Hub) Stop() {
	h.stop()
	h.wg.Wait()
}
