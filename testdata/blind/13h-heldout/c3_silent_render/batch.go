package mailer

// RenderAll renders every valid template concurrently and returns the
// bodies in completion order. Broken templates are skipped.
func RenderAll(ts []Template, vars map[string]string) []string {
	bodies := make(chan string)
	want := 0
	for _, t := range ts {
		if t.Valid() {
			want++
		}
		go func() {
			defer func() { recover() }()
			body := t.MustRender(vars)
			bodies <- body
		}()
	}

	out := make([]string, 0, want)
	for range want {
		out = append(out, <-bodies)
	}
	return out
}
