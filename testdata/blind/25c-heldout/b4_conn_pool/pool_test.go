package b4_conn_pool

import (
	"net"
	"sync"
	"testing"
)

func TestPoolReuse(t *testing.T) {
	p := New(2, func() (net.Conn, error) {
		c, _ := net.Pipe()
		return c, nil
	})
	defer p.Close()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := p.Get()
			if err != nil {
				t.Error(err)
				return
			}
			p.Put(c)
		}()
	}
	wg.Wait()
}
