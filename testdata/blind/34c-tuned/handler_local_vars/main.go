// GOOD: the handler only writes variables it declares itself (count, sum, bad,
// result); each request gets its own copies, and the shared config is only read.
package main

import (
	"bufio"
	"encoding/json"
	"log"
	"net/http"
	"strconv"
	"strings"
)

type limits struct {
	MaxLines int
}

type summary struct {
	Count int     `json:"count"`
	Sum   float64 `json:"sum"`
	Mean  float64 `json:"mean"`
	Bad   []int   `json:"bad_lines,omitempty"`
}

func sumHandler(cfg limits) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var (
			count int
			sum   float64
			bad   []int
		)
		sc := bufio.NewScanner(r.Body)
		line := 0
		for sc.Scan() {
			line++
			if line > cfg.MaxLines {
				http.Error(w, "too many lines", http.StatusRequestEntityTooLarge)
				return
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(sc.Text()), 64)
			if err != nil {
				bad = append(bad, line)
				continue
			}
			count++
			sum += f
		}
		result := summary{Count: count, Sum: sum, Bad: bad}
		if count > 0 {
			result.Mean = sum / float64(count)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(result)
	}
}

func main() {
	cfg := limits{MaxLines: 10000}
	http.HandleFunc("/sum", sumHandler(cfg))
	log.Fatal(http.ListenAndServe(":8084", nil))
}
