// Package g2_table_fresh_server decides which requests a per-client limiter admits.
package g2_table_fresh_server

// Request is an incoming API call.
type Request struct {
	Client string
	Path   string
}

// Admit consumes reqs until closed and returns how many requests per client
// were admitted, allowing at most limit per client.
func Admit(reqs <-chan Request, limit int) map[string]int {
	admitted := make(map[string]int)
	for r := range reqs {
		if admitted[r.Client] < limit {
			admitted[r.Client]++
		}
	}
	return admitted
}
