// Class 2, SILENT: Render locks r.mu and every path after the lock runs the deferred func literal, which calls the local closure done that unlocks r.mu (also when a template panics).
package c2_silent_deferredrecover

import (
	"bytes"
	"fmt"
	"sync"
	"text/template"
)

type Renderer struct {
	mu    sync.Mutex
	tmpls map[string]*template.Template
	buf   bytes.Buffer
	hits  map[string]int
}

func NewRenderer() *Renderer {
	return &Renderer{tmpls: map[string]*template.Template{}, hits: map[string]int{}}
}

func (r *Renderer) Add(name, text string) error {
	t, err := template.New(name).Parse(text)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.tmpls[name] = t
	r.mu.Unlock()
	return nil
}

func (r *Renderer) Render(name string, data any) (out string, err error) {
	r.mu.Lock()
	done := func() {
		r.buf.Reset()
		r.mu.Unlock()
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("render %s: %v", name, p)
		}
		done()
	}()

	t, ok := r.tmpls[name]
	if !ok {
		return "", fmt.Errorf("no template %q", name)
	}
	r.hits[name]++
	if err := t.Execute(&r.buf, data); err != nil {
		return "", err
	}
	return r.buf.String(), nil
}
