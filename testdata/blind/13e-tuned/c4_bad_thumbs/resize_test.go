package thumbs

import (
	"image"
	"runtime"
	"sync"
	"testing"
)

func TestShrinkBatch(t *testing.T) {
	inputs := []*image.Gray{Checker(64, 64), Checker(128, 32), Checker(40, 40), Checker(96, 96)}
	slots := make(chan struct{}, runtime.NumCPU()+1)

	var (
		wg   sync.WaitGroup
		last *image.Gray
		err  error
	)
	for _, in := range inputs {
		wg.Add(1)
		go func(in *image.Gray) {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			last, err = Shrink(in, 4)
		}(in)
	}
	wg.Wait()

	if err != nil {
		t.Fatal(err)
	}
	if last == nil || last.Bounds().Dx() == 0 {
		t.Fatal("no thumbnail produced")
	}
}
