// Package netwait: sleeping until a goroutine has bound an address, // want package:"analyzed, dependencies too"
// then connecting to it (guide §2.2).
package netwait

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

type server struct {
	addr string
	mux  *http.ServeMux
}

func (s *server) start() {
	_ = http.ListenAndServe(s.addr, s.mux)
}

func echo(addr string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go c.Close()
	}
}

// Library code alike: the goroutine binds addr, the dial needs it.
func pingEcho(addr string) error {
	go echo(addr)
	time.Sleep(20 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 37 to listen; call net.Listen before starting it`
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	return c.Close()
}

// A method that listens, and a request built first.
func fetchStatus(s *server) (int, error) {
	go s.start()
	time.Sleep(50 * time.Millisecond) // want `to listen; call net.Listen before starting it`
	req, err := http.NewRequest("GET", "http://"+s.addr+"/status", nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// get requests once: its caller relies on the server being up.
func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// waitUp retries until the listener answers: it does not rely on a sleep.
func waitUp(addr string) error {
	for i := 0; i < 10; i++ {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			return c.Close()
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("%s never came up", addr)
}

func viaHelper(s *server) error {
	go s.start()
	time.Sleep(50 * time.Millisecond) // want `to listen`
	return get("http://" + s.addr + "/")
}

// Silent: the helper polls the address until it answers.
func viaPollingHelper(s *server) error {
	go s.start()
	time.Sleep(50 * time.Millisecond)
	return waitUp(s.addr)
}

// Silent: the dial after the sleep is retried in a loop.
func dialRetried(addr string) (net.Conn, error) {
	go echo(addr)
	time.Sleep(20 * time.Millisecond)
	var err error
	for i := 0; i < 5; i++ {
		var c net.Conn
		if c, err = net.Dial("tcp", addr); err == nil {
			return c, nil
		}
	}
	return nil, err
}

// Silent: the address is bound before the goroutine starts; the
// connection waits in the listen queue until Serve accepts it.
func boundFirst(h http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(ln, h)
	time.Sleep(10 * time.Millisecond)
	return get("http://" + ln.Addr().String() + "/")
}

// Silent: the goroutine is a client, not a listener.
func twoClients(addr string) error {
	go get("http://" + addr + "/warmup")
	time.Sleep(10 * time.Millisecond)
	return get("http://" + addr + "/")
}

// Silent: the sleep is in the goroutine that listens.
func delayedServer(s *server) error {
	go func() {
		time.Sleep(10 * time.Millisecond)
		s.start()
	}()
	return waitUp(s.addr)
}

// Silent (adapted from a blind case): connect retries the dial with
// backoff; the sleep only paces the retries.
func connect(addr string, attempts int) (net.Conn, error) {
	backoff := 20 * time.Millisecond
	var lastErr error
	for i := 0; i < attempts; i++ {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			return conn, nil
		}
		lastErr = err
		time.Sleep(backoff)
		backoff *= 2
	}
	return nil, fmt.Errorf("never came up: %w", lastErr)
}

func pingForwarder(addr, line string) error {
	go echo(addr)
	conn, err := connect(addr, 8)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = fmt.Fprintln(conn, line)
	return err
}

// Silent: Header.Get reads a map, it sends no request.
func headerOnly(s *server, h http.Header) string {
	go s.start()
	time.Sleep(10 * time.Millisecond)
	return h.Get("Content-Type")
}

type handler struct{ addr string }

// listeners binds the handler's address.
func (h *handler) listeners() ([]net.Listener, error) {
	l, err := net.Listen("tcp", h.addr)
	if err != nil {
		return nil, err
	}
	return []net.Listener{l}, nil
}

// run serves the listeners it is handed, binding its own when none are.
func (h *handler) run(listeners []net.Listener) error {
	if len(listeners) == 0 {
		var err error
		if listeners, err = h.listeners(); err != nil {
			return err
		}
	}
	return http.Serve(listeners[0], nil)
}

// The listeners are bound before the goroutine starts: the request after
// the sleep queues until Serve accepts it (the sleep only costs time).
func handedOver(h *handler) error {
	l, err := h.listeners()
	if err != nil {
		return err
	}
	go func() { _ = h.run(l) }()
	time.Sleep(50 * time.Millisecond)
	resp, err := http.Get("http://" + h.addr + "/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Handed none, run binds the address itself, after the go statement.
func notHandedOver(h *handler) error {
	go func() { _ = h.run(nil) }()
	time.Sleep(50 * time.Millisecond) // want `to listen; call net.Listen before starting it`
	resp, err := http.Get("http://" + h.addr + "/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
