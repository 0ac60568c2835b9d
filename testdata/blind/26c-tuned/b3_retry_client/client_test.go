package b3_retry_client

import (
	"context"
	"errors"
	"testing"
)

type fakeTransport struct {
	calls int
	err   error
}

func (f *fakeTransport) RoundTrip(ctx context.Context, req *Request) (*Response, error) {
	f.calls++
	if f.err != nil {
		return nil, f.err
	}
	return &Response{Status: 200}, nil
}

func TestDoSucceedsFirstTry(t *testing.T) {
	ft := &fakeTransport{}
	resp, err := New(ft).Do(context.Background(), &Request{Method: "GET", Path: "/healthz"})
	if err != nil || resp.Status != 200 {
		t.Fatalf("resp=%v err=%v", resp, err)
	}
	if ft.calls != 1 {
		t.Fatalf("calls = %d, want 1", ft.calls)
	}
}

func TestDoPermanentError(t *testing.T) {
	ft := &fakeTransport{err: errors.New("bad request")}
	if _, err := New(ft).Do(context.Background(), &Request{Method: "POST", Path: "/v1/items"}); err == nil {
		t.Fatal("expected error")
	}
	if ft.calls != 1 {
		t.Fatalf("calls = %d, want 1", ft.calls)
	}
}
