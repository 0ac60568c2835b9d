package notify

// RenderEach renders the valid templates in parallel and returns their
// texts in completion order.
func RenderEach(ts []Template, vars map[string]string) []string {
	texts := make(chan string)
	valid := 0
	for _, t := range ts {
		if t.Valid() {
			valid++
		}
		go func() {
			defer func() { recover() }()
			txt := t.Render(vars)
			texts <- txt
		}()
	}

	res := make([]string, 0, valid)
	for i := 0; i < valid; i++ {
		res = append(res, <-texts)
	}
	return res
}
