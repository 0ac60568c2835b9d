package connpool

import (
	"net"
	"sync"
	"testing"
)

func TestSharedConn(t *testing.T) {
	var servers []net.Conn
	var smu sync.Mutex
	p := New(func(addr string) (net.Conn, error) {
		a, b := net.Pipe()
		smu.Lock()
		servers = append(servers, b)
		smu.Unlock()
		go func() {
			buf := make([]byte, 64)
			for {
				if _, err := b.Read(buf); err != nil {
					return
				}
			}
		}()
		return a, nil
	})

	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := p.Get("upstream:9000")
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Release()
			if _, err := c.Write([]byte("ping")); err != nil {
				t.Error(err)
			}
			_ = c.Idle()
		}()
	}
	wg.Wait()
	p.Drop("upstream:9000")
	smu.Lock()
	for _, s := range servers {
		s.Close()
	}
	smu.Unlock()
}
