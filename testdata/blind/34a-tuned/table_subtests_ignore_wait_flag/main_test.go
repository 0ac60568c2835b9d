// BAD: the subtest drops waitFor's ok flag and check only looks at res.err, which is
// nil for the zero value returned on timeout; the subtest passes and the render
// goroutine is left blocked on `out <- result{...}`.
package render

import (
	"testing"
	"time"
)

type result struct {
	text string
	err  error
}

func waitFor(ch <-chan result, d time.Duration) (result, bool) {
	select {
	case r := <-ch:
		return r, true
	case <-time.After(d):
		return result{}, false
	}
}

func check(t *testing.T, cond bool, format string, args ...any) {
	t.Helper()
	if !cond {
		t.Errorf(format, args...)
	}
}

func TestRenderTemplates(t *testing.T) {
	r, err := NewRenderer(map[string]string{
		"greeting": "Hello, {{.Name}}!",
		"invoice":  "Invoice #{{.ID}} total {{printf \"%.2f\" .Total}}",
	})
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name string
		tmpl string
		data any
	}{
		{"greeting", "greeting", map[string]string{"Name": "Ada"}},
		{"invoice", "invoice", map[string]any{"ID": 17, "Total": 99.5}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := make(chan result) // want "blocks forever"
			go func() {
				text, err := r.Render(tc.tmpl, tc.data)
				out <- result{text: text, err: err}
			}()

			res, _ := waitFor(out, 50*time.Millisecond)
			check(t, res.err == nil, "Render(%s): %v", tc.tmpl, res.err)
		})
	}
}
