package mirror

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"
)

type download struct {
	url      string
	done     chan struct{}
	received int64
	body     bytes.Buffer
	status   int
	err      error
}

func (d *download) run(client *http.Client) {
	defer close(d.done)
	resp, err := client.Get(d.url)
	if err != nil {
		d.err = err
		return
	}
	defer resp.Body.Close()
	d.status = resp.StatusCode
	buf := make([]byte, 32*1024)
	for {
		n, err := resp.Body.Read(buf)
		d.body.Write(buf[:n])
		d.received += int64(n)
		if err == io.EOF {
			return
		}
		if err != nil {
			d.err = err
			return
		}
	}
}

type Mirror struct {
	Client  *http.Client
	Timeout time.Duration
}

func (m *Mirror) Fetch(url string) ([]byte, error) {
	d := &download{url: url, done: make(chan struct{})}
	go d.run(m.Client)

	timer := time.NewTimer(m.Timeout)
	defer timer.Stop()
	select {
	case <-d.done:
		if d.err != nil {
			return nil, d.err
		}
		if d.status != http.StatusOK {
			return nil, fmt.Errorf("%s: status %d", url, d.status)
		}
		return d.body.Bytes(), nil
	case <-timer.C:
		return nil, fmt.Errorf("%s: timed out after %s (%d bytes received)", url, m.Timeout, d.received)
	}
}
