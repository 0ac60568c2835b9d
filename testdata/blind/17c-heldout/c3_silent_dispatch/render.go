package thumbs

import (
	"image"
	_ "image/jpeg"
	"image/png"
	"os"
)

func render(t Task) error {
	f, err := os.Open(t.Src)
	if err != nil {
		return err
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		return err
	}
	b := src.Bounds()
	if t.Width <= 0 || b.Dx() == 0 {
		return nil
	}
	h := b.Dy() * t.Width / b.Dx()
	dst := image.NewRGBA(image.Rect(0, 0, t.Width, h))
	for y := 0; y < h; y++ {
		for x := 0; x < t.Width; x++ {
			dst.Set(x, y, src.At(b.Min.X+x*b.Dx()/t.Width, b.Min.Y+y*b.Dy()/h))
		}
	}
	out, err := os.Create(t.Dst)
	if err != nil {
		return err
	}
	defer out.Close()
	return png.Encode(out, dst)
}
