package resize

import (
	"errors"
	"time"
)

type Image struct {
	Name          string
	Width, Height int
}

var ErrTooSmall = errors.New("resize: image too small")

// Thumbnail scales img so its longest side equals max, preserving aspect.
func Thumbnail(img Image, max int, delay time.Duration) (Image, error) {
	time.Sleep(delay)
	if img.Width < 1 || img.Height < 1 {
		return Image{}, ErrTooSmall
	}
	w, h := img.Width, img.Height
	if w >= h {
		h = h * max / w
		w = max
	} else {
		w = w * max / h
		h = max
	}
	return Image{Name: img.Name + "_thumb", Width: w, Height: h}, nil
}
