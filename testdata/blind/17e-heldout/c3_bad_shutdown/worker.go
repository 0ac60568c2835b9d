package shutdown

import "net"

func (p *ConnPool) worker(id int, c net.Conn, handle func(net.Conn) error) {
	defer p.wg.Done()
	defer p.forget(id)
	for {
		select {
		case <-p.quit:
			return
		default:
		}
		if err := handle(c); err != nil {
			return
		}
	}
}

func (p *ConnPool) forget(id int) {
	p.mu.Lock()
	delete(p.workers, id)
	p.mu.Unlock()
}
