// Command chatdemo runs a line-based chat room on localhost:7000. Connect
// with `nc localhost 7000`; every line is relayed to all other clients.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
)

type message struct {
	from net.Conn
	text string
}

type room struct {
	join  chan net.Conn
	leave chan net.Conn
	msgs  chan message
}

func (r *room) run() {
	members := make(map[net.Conn]bool)
	for {
		select {
		case c := <-r.join:
			members[c] = true
			fmt.Printf("%s joined (%d online)\n", c.RemoteAddr(), len(members))
		case c := <-r.leave:
			delete(members, c)
			c.Close()
			fmt.Printf("%s left (%d online)\n", c.RemoteAddr(), len(members))
		case m := <-r.msgs:
			for c := range members {
				if c != m.from {
					fmt.Fprintf(c, "%s: %s\n", m.from.RemoteAddr(), m.text)
				}
			}
		}
	}
}

func (r *room) serveConn(c net.Conn) {
	r.join <- c
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		r.msgs <- message{from: c, text: sc.Text()}
	}
	r.leave <- c
}

func main() {
	ln, err := net.Listen("tcp", "localhost:7000")
	if err != nil {
		log.Fatal(err)
	}
	r := &room{
		join:  make(chan net.Conn),
		leave: make(chan net.Conn),
		msgs:  make(chan message, 32),
	}
	go r.run()

	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				log.Printf("accept: %v", err)
				continue
			}
			go r.serveConn(c)
		}
	}()

	fmt.Println("chat room listening on", ln.Addr())
	select {}
}
