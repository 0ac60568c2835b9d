// The silent case c1_silent_topology of blind set 17b (held-out half,
// now seen): NewCluster takes Node.mu then Cluster.mu while the
// cluster is still private to it; recount, on the monitor goroutine,
// takes them in the other order only once the cluster is shared.

package topology

import (
	"sync"
	"time"
)

type Node struct {
	mu   sync.Mutex
	addr string
	zone string
	up   bool
}

type Cluster struct {
	mu    sync.Mutex
	nodes []*Node
	byZ   map[string]int
	stop  chan struct{}
	wg    sync.WaitGroup
}

func NewCluster(addrs map[string]string) *Cluster {
	c := &Cluster{byZ: make(map[string]int), stop: make(chan struct{})}
	for addr, zone := range addrs {
		n := &Node{addr: addr, zone: zone, up: true}
		c.nodes = append(c.nodes, n)
		n.mu.Lock()
		c.mu.Lock()
		c.byZ[n.zone]++
		c.mu.Unlock()
		n.mu.Unlock()
	}
	c.wg.Add(1)
	go c.monitor()
	return c
}

func (c *Cluster) monitor() {
	defer c.wg.Done()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.recount()
		}
	}
}

func (c *Cluster) recount() {
	c.mu.Lock()
	defer c.mu.Unlock()
	counts := make(map[string]int)
	for _, n := range c.nodes {
		n.mu.Lock()
		if n.up {
			counts[n.zone]++
		}
		n.mu.Unlock()
	}
	c.byZ = counts
}

func (c *Cluster) MarkDown(addr string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.nodes {
		n.mu.Lock()
		if n.addr == addr {
			n.up = false
		}
		n.mu.Unlock()
	}
}

func (c *Cluster) Zones() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.byZ))
	for z, k := range c.byZ {
		out[z] = k
	}
	return out
}

func (c *Cluster) Stop() {
	close(c.stop)
	c.wg.Wait()
}
