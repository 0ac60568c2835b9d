package mailer

import (
	"fmt"
	"strings"
)

// Template is a parsed message template. The zero value and any template
// whose parse failed are not usable.
type Template struct {
	name   string
	parts  []string
	fields []string
	ok     bool
}

func Parse(name, src string) Template {
	t := Template{name: name}
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			t.parts = append(t.parts, src)
			break
		}
		j := strings.Index(src[i:], "}}")
		if j < 0 {
			return t
		}
		t.parts = append(t.parts, src[:i])
		t.fields = append(t.fields, strings.TrimSpace(src[i+2:i+j]))
		src = src[i+j+2:]
	}
	t.ok = true
	return t
}

func (t Template) Valid() bool { return t.ok }

// MustRender fills in the template. It panics if t is not valid.
func (t Template) MustRender(vars map[string]string) string {
	if !t.ok {
		panic(fmt.Sprintf("mailer: template %q is not valid", t.name))
	}
	var b strings.Builder
	for i, p := range t.parts {
		b.WriteString(p)
		if i < len(t.fields) {
			b.WriteString(vars[t.fields[i]])
		}
	}
	return b.String()
}
