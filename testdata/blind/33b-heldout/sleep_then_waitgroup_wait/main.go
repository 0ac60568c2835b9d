// GOOD: the sleep only gives the workers a grace period before a progress line is printed;
// the renders are joined with wg.Wait before any result is read.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Page is a template to render.
type Page struct {
	Slug  string
	Title string
	Body  string
}

// Renderer turns pages into HTML.
type Renderer struct {
	mu       sync.Mutex
	rendered map[string]string
	started  time.Time
}

// NewRenderer returns a renderer with an empty output set.
func NewRenderer() *Renderer {
	return &Renderer{rendered: make(map[string]string), started: time.Now()}
}

func (r *Renderer) render(p Page) {
	var b strings.Builder
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p>%s</p>\n", p.Title, p.Body)
	time.Sleep(10 * time.Millisecond) // simulate template work
	r.mu.Lock()
	r.rendered[p.Slug] = b.String()
	r.mu.Unlock()
}

func (r *Renderer) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.rendered)
}

// RenderSite renders every page concurrently and returns the output keyed by slug.
func (r *Renderer) RenderSite(pages []Page) map[string]string {
	var wg sync.WaitGroup
	for _, p := range pages {
		wg.Add(1)
		go func(p Page) {
			defer wg.Done()
			r.render(p)
		}(p)
	}

	// Give the workers a moment before the first progress report.
	time.Sleep(5 * time.Millisecond)
	fmt.Printf("rendering: %d/%d done after %v\n", r.count(), len(pages), time.Since(r.started).Round(time.Millisecond))

	wg.Wait()

	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]string, len(r.rendered))
	for k, v := range r.rendered {
		out[k] = v
	}
	return out
}

func main() {
	pages := []Page{
		{Slug: "index", Title: "Home", Body: "Welcome"},
		{Slug: "about", Title: "About", Body: "Who we are"},
		{Slug: "contact", Title: "Contact", Body: "Write to us"},
	}
	site := NewRenderer().RenderSite(pages)
	for _, p := range pages {
		fmt.Printf("== %s ==\n%s", p.Slug, site[p.Slug])
	}
}
