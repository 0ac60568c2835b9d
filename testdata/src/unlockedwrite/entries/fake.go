package entries

import (
	"net/http"
	"net/http/httptest"
)

// Handlers never served: called directly, on the caller's goroutine.

// fakeTransport answers a client in process: RoundTrip calls the
// handler itself, no server runs it.
type fakeTransport struct {
	h http.HandlerFunc
}

func (t fakeTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// Fetch builds a handler per call and reads what it wrote once the
// request, answered on this goroutine, is done.
func Fetch(url string) (string, error) {
	var got string
	tt := fakeTransport{
		h: func(w http.ResponseWriter, r *http.Request) {
			got = r.URL.Path // silent: only RoundTrip runs it, on Get's goroutine
		},
	}
	c := &http.Client{Transport: tt}
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return got, nil
}

// Probe calls the handler through http.Handler, with a recorder.
func Probe(req *http.Request) int {
	calls := 0
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++ // silent: called right here
	})
	h.ServeHTTP(httptest.NewRecorder(), req)
	return calls
}

// runAll is a table of handlers, each called directly.
func runAll(req *http.Request) int {
	n := 0
	cases := func(w http.ResponseWriter, r *http.Request) { n++ } // silent: only called below
	for i := 0; i < 3; i++ {
		cases(httptest.NewRecorder(), req)
	}
	return n
}

// A route holds a handler like fakeTransport does, but its handler is
// handed to a server.
type route struct {
	h http.HandlerFunc
}

// Near miss: the same handler given to a real server, which runs it
// once per request, concurrently.
func Serve() *httptest.Server {
	var got string
	rt := route{
		h: func(w http.ResponseWriter, r *http.Request) {
			got = r.URL.Path // want `write to got in a handler races with concurrent requests`
		},
	}
	_ = got
	return httptest.NewServer(rt.h)
}

// Near miss: through a field of another package's type.
func ServeField() *http.Server {
	count := 0
	return &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		count++ // want `write to count in a handler races with concurrent requests`
	})}
}
