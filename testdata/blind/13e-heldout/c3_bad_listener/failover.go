package listener

import (
	"log"
	"net"
)

// Follow subscribes on every connection the dialer hands over, e.g. after a
// primary/replica switch.
func Follow(n *Notifier, conns <-chan net.Conn, h Handler, channels ...string) {
	for conn := range conns {
		if err := n.Listen(conn, h, channels...); err != nil {
			log.Printf("listen on %s: %v", conn.RemoteAddr(), err)
			conn.Close()
		}
	}
}
