package backup

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
)

type chunk struct {
	name string
	data []byte
	err  error
	done chan struct{}
}

type Uploader struct {
	base   string
	client *http.Client
	chunks chan *chunk
}

func Start(ctx context.Context, base string) *Uploader {
	u := &Uploader{base: base, client: http.DefaultClient, chunks: make(chan *chunk)}
	go u.run(ctx)
	return u
}

func (u *Uploader) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-u.chunks:
			c.err = u.put(ctx, c)
			close(c.done)
		}
	}
}

func (u *Uploader) put(ctx context.Context, c *chunk) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.base+"/"+c.name, bytes.NewReader(c.data))
	if err != nil {
		return err
	}
	resp, err := u.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("backup: %s: %s", c.name, resp.Status)
	}
	return nil
}

func (u *Uploader) Upload(name string, data []byte) error {
	c := &chunk{name: name, data: data, done: make(chan struct{})}
	u.chunks <- c
	<-c.done
	return c.err
}
