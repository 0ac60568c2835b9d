package driver

import (
	"io"
	"os"

	"github.com/goconcheck/goconcheck/internal/htmlreport"
)

// writeHTML prints the findings as one self-contained HTML page with a
// diagram per finding (-format=html).
func writeHTML(w io.Writer, r *report, _ *printOptions) error {
	return htmlreport.Write(w, r.sorted(), os.ReadFile)
}

// writeHTMLFile writes the same page to file (-html FILE), beside the
// output of the format chosen.
func writeHTMLFile(file string, r *report) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := writeHTML(f, r, nil); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
