// Class 4, BAD: when the probe takes longer than timeout, Check leaves the select through the timer arm without receiving and closes done; the probe goroutine's single send then runs on the closed channel and panics.
package c4_bad_timeoutclose

import (
	"errors"
	"net/http"
	"time"
)

var ErrTimeout = errors.New("health check timed out")

type Checker struct {
	client  *http.Client
	url     string
	timeout time.Duration
}

func (c *Checker) Check() error {
	done := make(chan error)
	go func() {
		resp, err := c.client.Get(c.url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				err = errors.New(resp.Status)
			}
		}
		done <- err
	}()

	var err error
	select {
	case err = <-done:
	case <-time.After(c.timeout):
		err = ErrTimeout
	}
	close(done) // WANT closebyreceiver
	return err
}
