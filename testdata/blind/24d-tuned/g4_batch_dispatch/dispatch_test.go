package g4_batch_dispatch

import (
	"context"
	"errors"
	"testing"
)

type mapBackend map[string]string

func (m mapBackend) Get(_ context.Context, k string) (string, error) {
	v, ok := m[k]
	if !ok {
		return "", errors.New("not found")
	}
	return v, nil
}

func (m mapBackend) Ping(context.Context) error { return nil }

func TestGetMany(t *testing.T) {
	d := New(mapBackend{"a": "1", "b": "2"}, 2, 3)
	if err := <-d.Warmup(context.Background()); err != nil {
		t.Fatal(err)
	}
	res := d.GetMany(context.Background(), []string{"a", "b", "a", "zz"})
	if res[0].Value != "1" || res[1].Value != "2" || res[2].Value != "1" || res[3].Err == nil {
		t.Fatalf("unexpected %+v", res)
	}
}
