// Correct: the server goroutine skips its send only when ln.Accept fails (a broken setup); on every normal path the test receives the count.
package g5_rpc_accept_fail

import (
	"encoding/json"
	"net"
)

type Request struct {
	Method string `json:"method"`
	A, B   int
}

type Response struct {
	Result int    `json:"result"`
	Error  string `json:"error,omitempty"`
}

// ServeConn answers JSON requests on conn until it is closed and returns how many it served.
func ServeConn(conn net.Conn) int {
	dec := json.NewDecoder(conn)
	enc := json.NewEncoder(conn)
	served := 0
	for {
		var req Request
		if err := dec.Decode(&req); err != nil {
			return served
		}
		var resp Response
		switch req.Method {
		case "add":
			resp.Result = req.A + req.B
		case "mul":
			resp.Result = req.A * req.B
		default:
			resp.Error = "unknown method"
		}
		if err := enc.Encode(resp); err != nil {
			return served
		}
		served++
	}
}
