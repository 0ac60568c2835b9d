// Correct: addr is written (in handleAssign) before ready <- nil, Register waits for that result and only then publishes the agent in the registry; on error or ctx done it returns nil.
package g4_agent_register

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
)

// Registry is shared by the HTTP status handler and the metrics loop.
type Registry struct {
	mu     sync.RWMutex
	agents map[string]*Agent
}

func NewRegistry() *Registry { return &Registry{agents: make(map[string]*Agent)} }

// Addrs lists every registered agent's assigned address.
func (r *Registry) Addrs() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]string, 0, len(r.agents))
	for _, a := range r.agents {
		out = append(out, a.Addr())
	}
	return out
}

// Agent is a worker attached to the coordinator, which hands out a
// listen address as the first control message.
type Agent struct {
	name string
	ctrl net.Conn
	addr string
}

// Register attaches an agent over ctrl and adds it to reg once the
// coordinator has assigned its address.
func (reg *Registry) Register(ctx context.Context, name string, ctrl net.Conn) (*Agent, error) {
	a := &Agent{name: name, ctrl: ctrl}
	ready := make(chan error, 1)
	go a.controlLoop(ready)

	select {
	case err := <-ready:
		if err != nil {
			ctrl.Close()
			return nil, err
		}
	case <-ctx.Done():
		ctrl.Close()
		return nil, ctx.Err()
	}

	reg.mu.Lock()
	reg.agents[name] = a
	reg.mu.Unlock()
	return a, nil
}

// Addr is the address the coordinator assigned to this agent.
func (a *Agent) Addr() string { return a.addr }

func (a *Agent) Close() error { return a.ctrl.Close() }

func (a *Agent) controlLoop(ready chan<- error) {
	sc := bufio.NewScanner(a.ctrl)
	if !sc.Scan() {
		ready <- fmt.Errorf("agent %s: control closed before assignment: %v", a.name, sc.Err())
		return
	}
	if err := a.handleAssign(sc.Text()); err != nil {
		ready <- err
		return
	}
	ready <- nil
	for sc.Scan() {
		// heartbeats and drain requests; the address never changes.
		_ = strings.TrimSpace(sc.Text())
	}
}

func (a *Agent) handleAssign(msg string) error {
	addr, ok := strings.CutPrefix(msg, "ASSIGN ")
	if !ok {
		return fmt.Errorf("agent %s: unexpected control message %q", a.name, msg)
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("agent %s: bad address: %w", a.name, err)
	}
	a.addr = addr
	return nil
}
