// Correct: processBatch starts all workers (including retries) under one WaitGroup with Add before Wait and calls wg.Wait() itself before returning, so no sender outlives the batch and Render can close its result channels.
package g2_thumbnail_batcher

import (
	"errors"
	"fmt"
	"sync"
)

var errBusy = errors.New("renderer busy")

type Image struct {
	Path          string
	Width, Height int
}

type Thumb struct {
	Path string
	Size int
}

type Batcher struct {
	batch  int
	render func(Image) (Thumb, error)
}

func NewBatcher(batch int, render func(Image) (Thumb, error)) *Batcher {
	return &Batcher{batch: max(batch, 1), render: render}
}

type Outcome struct {
	Thumbs []Thumb
	Failed map[string]error
}

func (b *Batcher) Render(images []Image) Outcome {
	thumbs := make(chan Thumb)
	failures := make(chan error)
	out := Outcome{Failed: make(map[string]error)}
	collected := make(chan struct{}, 2)
	go func() {
		for t := range thumbs {
			out.Thumbs = append(out.Thumbs, t)
		}
		collected <- struct{}{}
	}()
	go func() {
		for err := range failures {
			var re *renderError
			if errors.As(err, &re) {
				out.Failed[re.path] = re.err
			}
		}
		collected <- struct{}{}
	}()

	for start := 0; start < len(images); start += b.batch {
		b.processBatch(images[start:min(start+b.batch, len(images))], thumbs, failures)
	}

	close(thumbs)
	close(failures)
	<-collected
	<-collected
	return out
}

type renderError struct {
	path string
	err  error
}

func (e *renderError) Error() string { return fmt.Sprintf("%s: %v", e.path, e.err) }

func (b *Batcher) processBatch(batch []Image, thumbs chan<- Thumb, failures chan<- error) {
	var wg sync.WaitGroup
	for _, img := range batch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t, err := b.render(img)
			if errors.Is(err, errBusy) {
				// one immediate retry, tracked by the same WaitGroup
				wg.Add(1)
				go func() {
					defer wg.Done()
					b.emit(img, thumbs, failures)
				}()
				return
			}
			if err != nil {
				failures <- &renderError{path: img.Path, err: err}
				return
			}
			thumbs <- t
		}()
	}
	wg.Wait()
}

func (b *Batcher) emit(img Image, thumbs chan<- Thumb, failures chan<- error) {
	t, err := b.render(img)
	if err != nil {
		failures <- &renderError{path: img.Path, err: err}
		return
	}
	thumbs <- t
}
