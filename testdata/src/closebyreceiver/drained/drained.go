// Package drained: a statement's Close drains the responses channel
// until the fetcher goroutine closes it on its way out: the fetcher
// has made its last send on errs by then, so errs can be closed.
package drained

import "errors"

type stmt struct {
	next      chan string
	responses chan string
	errs      chan error
}

func (st *stmt) start() {
	st.next = make(chan string)
	st.responses = make(chan string)
	st.errs = make(chan error)
	go func() {
		defer close(st.responses)
		for uri := range st.next {
			if len(uri) > 10 {
				st.errs <- errors.New("too long")
				return
			}
			st.responses <- uri
		}
	}()
}

func (st *stmt) Close() {
	close(st.next)
	go func() {
		for range st.errs {
		}
	}()
	for range st.responses {
	}
	close(st.errs)
}

func (st *stmt) fetch() (string, error) {
	st.next <- "uri"
	select {
	case r := <-st.responses:
		return r, nil
	case err := <-st.errs:
		return "", err
	}
}

func run() error {
	st := &stmt{}
	st.start()
	if _, err := st.fetch(); err != nil {
		return err
	}
	st.Close()
	return nil
}

// A cursor whose Close does not wait for the fetcher to finish: it can
// still be sending on errs.
type cursor struct {
	next      chan string
	responses chan string
	errs      chan error
}

func (cu *cursor) start() {
	cu.next = make(chan string)
	cu.responses = make(chan string)
	cu.errs = make(chan error)
	go func() {
		defer close(cu.responses)
		for uri := range cu.next {
			if len(uri) > 10 {
				cu.errs <- errors.New("too long")
				return
			}
			cu.responses <- uri
		}
	}()
}

func (cu *cursor) Close() {
	close(cu.next)
	go func() {
		for range cu.errs {
		}
	}()
	close(cu.errs)
}

func (cu *cursor) fetch() (string, error) {
	cu.next <- "uri"
	select {
	case r := <-cu.responses:
		return r, nil
	case err := <-cu.errs:
		return "", err
	}
}

func scan() error {
	cu := &cursor{}
	cu.start()
	if _, err := cu.fetch(); err != nil {
		return err
	}
	cu.Close() // want `call to cu.Close closes cu.errs from its receiver while another goroutine sends on it`
	return nil
}
