package mailbox

import "strings"

func Deliver(m *Mailbox, count int) []string {
	got := make(chan []string)
	go func() {
		var names []string
		for i := 0; i < count; i++ {
			l := m.Take()
			names = append(names, strings.ToUpper(l.To))
		}
		got <- names
	}()

	for i := 0; i < count; i++ {
		m.Post(Letter{To: "tenant-" + string(rune('a'+i%26)), Body: "invoice"})
	}
	return <-got
}
