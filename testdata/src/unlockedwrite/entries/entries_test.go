package entries

import (
	"net/http"
	"testing"
)

func TestHandler(t *testing.T) {
	got := ""
	http.HandleFunc("/t", func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.Path
	})
	_ = got
}
