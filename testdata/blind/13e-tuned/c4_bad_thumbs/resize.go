package thumbs

import (
	"errors"
	"image"
	"image/color"
)

var errEmpty = errors.New("thumbs: empty image")

// Shrink does a naive nearest-neighbour downscale by factor k.
func Shrink(src *image.Gray, k int) (*image.Gray, error) {
	b := src.Bounds()
	if b.Empty() {
		return nil, errEmpty
	}
	dst := image.NewGray(image.Rect(0, 0, b.Dx()/k, b.Dy()/k))
	for y := 0; y < dst.Bounds().Dy(); y++ {
		for x := 0; x < dst.Bounds().Dx(); x++ {
			dst.SetGray(x, y, src.GrayAt(b.Min.X+x*k, b.Min.Y+y*k))
		}
	}
	return dst, nil
}

func Checker(w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if (x/4+y/4)%2 == 0 {
				img.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	return img
}
