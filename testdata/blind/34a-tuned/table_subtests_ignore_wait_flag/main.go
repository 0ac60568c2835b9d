// BAD: each subtest discards the timed-out flag from waitFor and only checks the
// (zero) error, so a slow render leaves its goroutine blocked on an unbuffered send.
package render

import (
	"bytes"
	"fmt"
	"text/template"
)

// Renderer executes named templates against data.
type Renderer struct {
	tmpl *template.Template
}

// NewRenderer parses the given named template sources.
func NewRenderer(sources map[string]string) (*Renderer, error) {
	root := template.New("root")
	for name, src := range sources {
		if _, err := root.New(name).Parse(src); err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
	}
	return &Renderer{tmpl: root}, nil
}

// Render executes the template called name with data.
func (r *Renderer) Render(name string, data any) (string, error) {
	t := r.tmpl.Lookup(name)
	if t == nil {
		return "", fmt.Errorf("render: no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}
