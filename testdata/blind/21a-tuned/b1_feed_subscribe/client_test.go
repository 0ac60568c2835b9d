package b1_feed_subscribe

import (
	"context"
	"testing"
)

type fakeTransport struct{}

func (fakeTransport) Open(ctx context.Context, req *subscribeRequest) (<-chan Event, error) {
	ch := make(chan Event)
	go func() { <-ctx.Done(); close(ch) }()
	return ch, nil
}

func TestSubscribeRejectsBadTopic(t *testing.T) {
	c := NewClient(fakeTransport{})
	if _, err := c.Subscribe(context.Background(), &Filter{Topics: []string{"a b"}}, nil); err == nil {
		t.Fatal("expected error for topic with space")
	}
	sub, err := c.Subscribe(context.Background(), &Filter{Topics: []string{"orders"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sub.Close()
}
