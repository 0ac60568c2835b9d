// Package pertestshared: tests that share one package-level mock.
package pertestshared

type mockReader struct {
	readChan chan error
}

func newMockReader() *mockReader {
	return &mockReader{readChan: make(chan error)}
}

func (r *mockReader) Read() error {
	return <-r.readChan
}

// shared is one reader every test may use.
var shared = newMockReader()
