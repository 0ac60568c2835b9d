// Package echo implements a tiny line-oriented echo handler used by the tests.
package echo

import (
	"bufio"
	"io"
	"strings"
)

// Handler reads one line from r and writes it back upper-cased.
type Handler struct {
	Prefix string
}

func (h *Handler) Serve(r io.Reader, w io.Writer) error {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && err != io.EOF {
		return err
	}
	_, err = io.WriteString(w, h.Prefix+strings.ToUpper(strings.TrimSpace(line))+"\n")
	return err
}
