package notify

import "strings"

// Template is a parsed notification template.
type Template struct {
	name   string
	parts  []string
	fields []string
	ok     bool
}

func Parse(name, src string) Template {
	t := Template{name: name}
	for {
		i := strings.Index(src, "${")
		if i < 0 {
			t.parts = append(t.parts, src)
			break
		}
		j := strings.IndexByte(src[i:], '}')
		if j < 0 {
			return t
		}
		t.parts = append(t.parts, src[:i])
		t.fields = append(t.fields, src[i+2:i+j])
		src = src[i+j+1:]
	}
	t.ok = true
	return t
}

func (t Template) Valid() bool { return t.ok }

// Render fills in the template; an invalid template renders as "".
func (t Template) Render(vars map[string]string) string {
	if !t.ok {
		return ""
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
