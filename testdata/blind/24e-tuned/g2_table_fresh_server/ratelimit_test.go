// Correct: each table case builds a fresh testServer and closes its requests channel only after that server's own client goroutine signals done.
package g2_table_fresh_server

import "testing"

type testServer struct {
	requests   chan Request
	clientDone chan struct{}
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	return &testServer{
		requests:   make(chan Request),
		clientDone: make(chan struct{}),
	}
}

// replay sends calls requests for client from a background goroutine and
// closes clientDone once the last one has been sent.
func (s *testServer) replay(client string, calls int) {
	go func() {
		defer close(s.clientDone)
		for i := 0; i < calls; i++ {
			s.requests <- Request{Client: client, Path: "/v1/items"}
		}
	}()
}

func TestAdmit(t *testing.T) {
	cases := []struct {
		name   string
		client string
		calls  int
		limit  int
		want   int
	}{
		{"under limit", "alice", 2, 5, 2},
		{"at limit", "bob", 5, 5, 5},
		{"over limit", "carol", 9, 3, 3},
		{"no calls", "dave", 0, 1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t)
			srv.replay(tc.client, tc.calls)

			got := make(chan map[string]int, 1)
			go func() { got <- Admit(srv.requests, tc.limit) }()

			<-srv.clientDone
			close(srv.requests)
			if n := (<-got)[tc.client]; n != tc.want {
				t.Errorf("admitted %d, want %d", n, tc.want)
			}
		})
	}
}

func TestAdmitTwoClients(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	srv.replay("erin", 4)

	got := make(chan map[string]int, 1)
	go func() { got <- Admit(srv.requests, 2) }()

	// A second, independent server fed concurrently must not affect the first.
	other := newTestServer(t)
	other.replay("frank", 3)
	for i := 0; i < 3; i++ {
		<-other.requests
	}
	close(other.requests)

	<-srv.clientDone
	close(srv.requests)
	if m := <-got; m["erin"] != 2 || m["frank"] != 0 {
		t.Fatalf("got %v", m)
	}
}
