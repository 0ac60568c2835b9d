// BAD: when building the request fails, Upload returns before `defer cancel()` is reached, so on
// that path the deadline context's timer and its link to the parent are never released.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"
)

type Uploader struct {
	endpoint string
	client   *http.Client
	budget   time.Duration
}

func NewUploader(endpoint string) *Uploader {
	return &Uploader{endpoint: endpoint, client: http.DefaultClient, budget: 2 * time.Minute}
}

var errEmpty = errors.New("upload: empty payload")

func (u *Uploader) Upload(parent context.Context, name string, payload []byte) error {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(u.budget)) // want "not called on every path"
	if len(payload) == 0 {
		return errEmpty
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.endpoint+"/"+name, bytes.NewReader(payload))
	if err != nil {
		return fmt.Errorf("upload %s: %w", name, err)
	}
	defer cancel()

	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := u.client.Do(req)
	if err != nil {
		return fmt.Errorf("upload %s: %w", name, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("upload %s: unexpected status %s", name, resp.Status)
	}
	return nil
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: upload ENDPOINT FILE...")
		os.Exit(2)
	}
	u := NewUploader(os.Args[1])
	ctx := context.Background()
	for _, path := range os.Args[2:] {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		if err := u.Upload(ctx, path, data); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
}
