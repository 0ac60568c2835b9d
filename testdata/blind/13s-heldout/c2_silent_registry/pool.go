package pool

import (
	"net"
	"sync"
	"time"
)

// Conn is a pooled network connection.
type Conn struct {
	net.Conn
	addr    string
	created time.Time
}

type pools struct {
	mu      sync.Mutex
	started bool
	idle    map[string][]*Conn
	maxAge  time.Duration
}

var global = pools{
	idle:   make(map[string][]*Conn),
	maxAge: 5 * time.Minute,
}

// Dial returns an idle connection for addr or dials a new one. The first
// call starts the reaper that closes connections older than maxAge.
func Dial(addr string) (*Conn, error) {
	global.mu.Lock()
	if !global.started {
		global.started = true
		go global.reap()
	}
	if list := global.idle[addr]; len(list) > 0 {
		c := list[len(list)-1]
		global.idle[addr] = list[:len(list)-1]
		global.mu.Unlock()
		return c, nil
	}
	global.mu.Unlock()

	nc, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err != nil {
		return nil, err
	}
	return &Conn{Conn: nc, addr: addr, created: time.Now()}, nil
}

// Release puts c back into the idle list.
func Release(c *Conn) {
	global.mu.Lock()
	global.idle[c.addr] = append(global.idle[c.addr], c)
	global.mu.Unlock()
}

// Drain closes every idle connection; the reaper keeps running.
func Drain() {
	global.mu.Lock()
	old := global.idle
	global.idle = make(map[string][]*Conn)
	global.mu.Unlock()
	for _, list := range old {
		for _, c := range list {
			c.Close()
		}
	}
}

func (p *pools) reap() {
	for {
		time.Sleep(30 * time.Second)
		var stale []*Conn
		p.mu.Lock()
		for addr, list := range p.idle {
			keep := list[:0]
			for _, c := range list {
				if time.Since(c.created) > p.maxAge {
					stale = append(stale, c)
				} else {
					keep = append(keep, c)
				}
			}
			p.idle[addr] = keep
		}
		p.mu.Unlock()
		for _, c := range stale {
			c.Close()
		}
	}
}
