package telnetd

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"time"
)

type state int

const (
	stateLogin state = iota
	stateShell
	stateIdle
)

type Conn struct {
	nc      net.Conn
	verbs   map[string]func(c *Conn, arg string)
	onLine  func(string)
	idleFor time.Duration

	st    state
	user  string
	lines int

	mu      sync.Mutex
	history []string
	timer   *time.Timer
}

func Serve(nc net.Conn, verbs map[string]func(c *Conn, arg string)) *Conn {
	c := &Conn{nc: nc, verbs: verbs, idleFor: 5 * time.Minute}
	c.onLine = c.handleLine
	c.mu.Lock()
	c.timer = time.AfterFunc(c.idleFor, c.idle)
	c.mu.Unlock()
	go c.loop()
	return c
}

func (c *Conn) loop() {
	sc := bufio.NewScanner(c.nc)
	for sc.Scan() {
		c.mu.Lock()
		c.timer.Reset(c.idleFor)
		c.mu.Unlock()
		c.onLine(sc.Text())
	}
	c.nc.Close()
}

func (c *Conn) handleLine(line string) {
	c.lines++
	switch c.st {
	case stateLogin:
		c.user = strings.TrimSpace(line)
		c.st = stateShell
		c.nc.Write([]byte("welcome " + c.user + "\n"))
	case stateIdle:
		c.st = stateShell
		fallthrough
	case stateShell:
		verb, arg, _ := strings.Cut(line, " ")
		if fn := c.verbs[verb]; fn != nil {
			fn(c, arg)
		}
		c.mu.Lock()
		c.history = append(c.history, line)
		c.mu.Unlock()
	}
}

func (c *Conn) idle() {
	c.st = stateIdle
	c.nc.Write([]byte("\r\nidle, press enter to continue\r\n"))
}

func (c *Conn) History() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.history...)
}
