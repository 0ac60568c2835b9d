// Package thumbs renders preview images for an uploaded photo album.
package thumbs

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"

	_ "image/jpeg"
)

type Renderer struct {
	OutDir string
	Size   int
}

// RenderAll writes one PNG preview per source image into r.OutDir.
func (r *Renderer) RenderAll(paths []string) []string {
	var (
		mu  sync.Mutex
		out []string
		wg  sync.WaitGroup
	)
	for _, p := range paths {
		wg.Add(1)
		go func(src string) {
			defer wg.Done()
			dst := r.render(src)
			mu.Lock()
			out = append(out, dst)
			mu.Unlock()
		}(p)
	}
	wg.Wait()
	return out
}

func (r *Renderer) render(src string) string {
	f, err := os.Open(src)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return ""
	}
	thumb := shrink(img, r.Size)
	name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + "_thumb.png"
	dst := filepath.Join(r.OutDir, name)
	w, err := os.Create(dst)
	if err != nil {
		return ""
	}
	defer w.Close()
	if err := png.Encode(w, thumb); err != nil {
		return ""
	}
	return dst
}

func shrink(src image.Image, size int) image.Image {
	b := src.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 || size <= 0 {
		return src
	}
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			sx := b.Min.X + x*b.Dx()/size
			sy := b.Min.Y + y*b.Dy()/size
			dst.Set(x, y, src.At(sx, sy))
		}
	}
	return dst
}
