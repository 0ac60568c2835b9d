package ss_bad_thumbrender

import "image"

func (r *Renderer) renderOne(i int, name string, src image.Image) {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	for w > r.MaxEdge || h > r.MaxEdge {
		w, h = w/2, h/2
	}
	pix := make([]byte, 0, w*h*4)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			cr, cg, cb, ca := src.At(b.Min.X+x*b.Dx()/max(w, 1), b.Min.Y+y*b.Dy()/max(h, 1)).RGBA()
			pix = append(pix, byte(cr>>8), byte(cg>>8), byte(cb>>8), byte(ca>>8))
		}
	}
	r.out[i] = &Thumb{Name: name, W: w, H: h, Pix: pix}
}
