// GOOD: when waitFor gives up it starts a goroutine that drains the channel, so the
// renderer's send on the unbuffered channel is always received and the renderer exits
// even though Thumbnail has already returned the placeholder.
package thumbs

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"time"
)

// Renderer produces PNG thumbnails, serving a placeholder when rendering is slow.
type Renderer struct {
	Size        int
	Budget      time.Duration
	placeholder []byte
}

// NewRenderer builds a Renderer with a grey placeholder thumbnail.
func NewRenderer(size int, budget time.Duration) *Renderer {
	r := &Renderer{Size: size, Budget: budget}
	r.placeholder = r.encode(image.NewGray(image.Rect(0, 0, size, size)))
	return r
}

// waitFor returns the next value from ch, or the zero value and false after d.
// On timeout it leaves a drainer behind so a late sender is never stranded.
func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v, true
	case <-timer.C:
		go func() { <-ch }()
		var zero T
		return zero, false
	}
}

func (r *Renderer) encode(img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil
	}
	return buf.Bytes()
}

func (r *Renderer) render(src image.Image) []byte {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, r.Size, r.Size))
	for y := 0; y < r.Size; y++ {
		for x := 0; x < r.Size; x++ {
			sx := b.Min.X + x*b.Dx()/r.Size
			sy := b.Min.Y + y*b.Dy()/r.Size
			dst.Set(x, y, color.RGBAModel.Convert(src.At(sx, sy)))
		}
	}
	return r.encode(dst)
}

// Thumbnail renders src, or returns the placeholder if that takes longer than Budget.
func (r *Renderer) Thumbnail(src image.Image) []byte {
	out := make(chan []byte)
	go func() {
		out <- r.render(src)
	}()

	if thumb, ok := waitFor(out, r.Budget); ok && thumb != nil {
		return thumb
	}
	return r.placeholder
}
