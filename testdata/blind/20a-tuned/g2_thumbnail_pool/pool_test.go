package g2_thumbnail_pool

import (
	"context"
	"image"
	"testing"
)

func TestSubmitClose(t *testing.T) {
	p := NewPool(2, 8)
	out := make(chan Result, 4)
	src := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for _, k := range []string{"a", "b", "c"} {
		if err := p.Submit(context.Background(), k, src, out); err != nil {
			t.Fatal(err)
		}
	}
	p.Close()
	if len(out) != 3 {
		t.Fatalf("got %d results, want 3", len(out))
	}
	if err := p.Submit(context.Background(), "d", src, out); err != ErrPoolClosed {
		t.Fatalf("Submit after Close = %v", err)
	}
}
