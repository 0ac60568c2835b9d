package forecast

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestGetManyHitsEveryCity(t *testing.T) {
	asked := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		city := r.URL.Query().Get("q")
		asked[city]++
		json.NewEncoder(w).Encode(Report{City: city, TempC: 3, Summary: "snow"})
	}))
	defer srv.Close()

	c := &Client{BaseURL: srv.URL, HTTP: srv.Client(), APIKey: "k2"}
	cities := []string{"Tromsø", "Bodø", "Narvik", "Alta"}
	got, err := c.GetMany(cities)
	if err != nil {
		t.Fatal(err)
	}
	for _, city := range cities {
		if got[city] == nil || got[city].City != city {
			t.Fatalf("missing report for %s", city)
		}
		if asked[city] != 1 {
			t.Fatalf("%s asked %d times", city, asked[city])
		}
	}
}
