// BAD: RenderAll starts one renderOne goroutine per image and returns r.out after a fixed 2s sleep; a large image that takes longer leaves its slot nil (and the caller's read races with the goroutine's write), so thumbnails are silently lost.
package ss_bad_thumbrender

import (
	"image"
	"log"
	"time"
)

type Thumb struct {
	Name string
	W, H int
	Pix  []byte
}

type Renderer struct {
	MaxEdge int
	out     []*Thumb
}

func NewRenderer(maxEdge int) *Renderer {
	return &Renderer{MaxEdge: maxEdge}
}

// RenderAll renders a thumbnail for every source image, in parallel.
func (r *Renderer) RenderAll(names []string, srcs []image.Image) []*Thumb {
	r.out = make([]*Thumb, len(srcs))
	for i, src := range srcs {
		go r.renderOne(i, names[i], src)
	}
	// rendering is usually well under a second per image
	time.Sleep(2 * time.Second) // WANT sleepsync
	log.Printf("rendered %d thumbnails", len(r.out))
	return r.out
}
