package gossip

import "time"

type directory struct {
	node *Node
}

func newDirectory(n *Node) Directory { return &directory{node: n} }

func (d *directory) Alive(within time.Duration) []Peer {
	var out []Peer
	for _, p := range d.node.copyPeers() {
		if time.Since(p.LastSeen) <= within {
			out = append(out, p)
		}
	}
	return out
}
