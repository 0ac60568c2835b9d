// Correct: each stage's done channel is closed (deferred) by the coordinator only after wg.Wait() for its workers and after its own sends, and importStage ranges over done until it is closed, so every send happens before Import closes the result channels.
package g1_feed_importer

import (
	"fmt"
	"strings"
	"sync"
)

type Item struct {
	ID    string
	Title string
	URL   string
}

type Result struct {
	Loaded  []Item
	Skipped []string
	Errors  []error
}

type Importer struct {
	validate func(Item) error
}

func NewImporter() *Importer {
	return &Importer{validate: defaultValidate}
}

func defaultValidate(it Item) error {
	if !strings.HasPrefix(it.URL, "https://") {
		return fmt.Errorf("item %s: insecure url %q", it.ID, it.URL)
	}
	return nil
}

// Import processes the feed pages one stage at a time.
func (im *Importer) Import(pages [][]Item) Result {
	loaded := make(chan Item)
	skipped := make(chan string)
	failed := make(chan error)
	var res Result
	var collectors sync.WaitGroup
	collectors.Add(3)
	go func() {
		defer collectors.Done()
		for it := range loaded {
			res.Loaded = append(res.Loaded, it)
		}
	}()
	go func() {
		defer collectors.Done()
		for id := range skipped {
			res.Skipped = append(res.Skipped, id)
		}
	}()
	go func() {
		defer collectors.Done()
		for err := range failed {
			res.Errors = append(res.Errors, err)
		}
	}()

	for _, page := range pages {
		im.importStage(page, loaded, skipped, failed)
	}

	close(loaded)
	close(skipped)
	close(failed)
	collectors.Wait()
	return res
}

// importStage returns the number of items handled by workers in this stage.
func (im *Importer) importStage(items []Item, loaded chan<- Item, skipped chan<- string, failed chan<- error) int {
	done := make(chan string)
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		seen := make(map[string]bool, len(items))
		for _, it := range items {
			if seen[it.ID] {
				skipped <- it.ID
				continue
			}
			seen[it.ID] = true
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := im.validate(it); err != nil {
					failed <- err
				} else {
					loaded <- it
				}
				done <- it.ID
			}()
		}
		wg.Wait()
	}()

	n := 0
	for range done {
		n++
	}
	return n
}
