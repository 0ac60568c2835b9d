package thumbs

import (
	"errors"
	"image"
	"image/color"
)

var ErrStopped = errors.New("thumbs: stopped")

type Service struct {
	stopper *Stopper
}

func NewService() *Service { return &Service{stopper: &Stopper{}} }

func scale(src image.Image, w, h int) image.Image {
	dst := image.NewGray(image.Rect(0, 0, w, h))
	b := src.Bounds()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sx := b.Min.X + x*b.Dx()/w
			sy := b.Min.Y + y*b.Dy()/h
			dst.Set(x, y, color.GrayModel.Convert(src.At(sx, sy)))
		}
	}
	return dst
}

func (s *Service) Thumbnails(src image.Image, sizes []int) ([]image.Image, error) {
	out := make(chan image.Image)
	started := 0
	for _, sz := range sizes {
		sz := sz
		if !s.stopper.RunWorker(func() {
			out <- scale(src, sz, sz)
		}) {
			break
		}
		started++
	}
	thumbs := make([]image.Image, 0, started)
	for i := 0; i < started; i++ {
		thumbs = append(thumbs, <-out)
	}
	if started < len(sizes) {
		return thumbs, ErrStopped
	}
	return thumbs, nil
}

func (s *Service) Close() { s.stopper.Stop() }
