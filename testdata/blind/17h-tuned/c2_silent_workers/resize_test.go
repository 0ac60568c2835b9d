package resize

import (
	"sync"
	"testing"
	"time"
)

func TestThumbnailBatch(t *testing.T) {
	in := []Image{
		{"cat", 1600, 1200},
		{"dog", 800, 1600},
		{"banner", 3000, 500},
		{"icon", 64, 64},
	}
	out := make([]Image, len(in))
	errs := make([]error, len(in))

	var wg sync.WaitGroup
	for i, img := range in {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = Thumbnail(img, 128, time.Millisecond)
		}()
	}

	// Give the workers a head start so the timing assertion below is meaningful.
	start := time.Now()
	time.Sleep(5 * time.Millisecond)
	wg.Wait()
	if time.Since(start) > time.Second {
		t.Fatalf("batch took too long")
	}

	for i, img := range out {
		if errs[i] != nil {
			t.Fatalf("%s: %v", in[i].Name, errs[i])
		}
		if img.Width != 128 && img.Height != 128 {
			t.Errorf("%s: got %dx%d, want longest side 128", img.Name, img.Width, img.Height)
		}
	}
}
