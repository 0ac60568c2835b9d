package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// A report merges the JSON trees the vet tool prints, one per package:
// package ID -> analyzer -> diagnostics, or {"error": text}.
type report struct {
	tree   map[string]map[string][]diagnostic
	errors []analyzerError
}

type analyzerError struct{ pkg, analyzer, text string }

func (e analyzerError) String() string { return e.pkg + ": " + e.analyzer + ": " + e.text }

// A diagnostic keeps the vet tool's JSON as it is (fixes, related
// information and all), with the fields needed to sort and print it.
type diagnostic struct {
	raw     json.RawMessage
	Posn    string `json:"posn"`
	Message string `json:"message"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`

	file      string
	line, col int
}

func parseReport(data []byte) (*report, error) {
	rep := &report{tree: make(map[string]map[string][]diagnostic)}
	dec := json.NewDecoder(bytes.NewReader(dropComments(data)))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return nil, err
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var failed struct {
					Error string `json:"error"`
				}
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					if err := json.Unmarshal(raw, &failed); err != nil {
						return nil, err
					}
					rep.errors = append(rep.errors, analyzerError{pkg, name, failed.Error})
					continue
				}
				var raws []json.RawMessage
				if err := json.Unmarshal(raw, &raws); err != nil {
					return nil, err
				}
				for _, r := range raws {
					d := diagnostic{raw: r}
					if err := json.Unmarshal(r, &d); err != nil {
						return nil, err
					}
					d.file, d.line, d.col = splitPosn(d.Posn)
					if rep.tree[pkg] == nil {
						rep.tree[pkg] = make(map[string][]diagnostic)
					}
					rep.tree[pkg][name] = append(rep.tree[pkg][name], d)
				}
			}
		}
	}
	sort.Slice(rep.errors, func(i, j int) bool { return rep.errors[i].String() < rep.errors[j].String() })
	for _, byAnalyzer := range rep.tree {
		for _, diags := range byAnalyzer {
			sortDiagnostics(diags)
		}
	}
	return rep, nil
}

// dropComments removes the "# package" lines go vet may interleave.
func dropComments(data []byte) []byte {
	var b bytes.Buffer
	for _, l := range bytes.SplitAfter(data, []byte("\n")) {
		if !bytes.HasPrefix(bytes.TrimSpace(l), []byte("#")) {
			b.Write(l)
		}
	}
	return b.Bytes()
}

// splitPosn splits "file:line:col" (col optional).
func splitPosn(posn string) (file string, line, col int) {
	file = posn
	if i := strings.LastIndexByte(file, ':'); i >= 0 {
		if n, err := strconv.Atoi(file[i+1:]); err == nil {
			file, line = file[:i], n
			if j := strings.LastIndexByte(file, ':'); j >= 0 {
				if m, err := strconv.Atoi(file[j+1:]); err == nil {
					file, line, col = file[:j], m, n
				}
			}
		}
	}
	return file, line, col
}

func sortDiagnostics(diags []diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.Message < b.Message
	})
}

// sorted returns every diagnostic once, in position order. A package's
// files appear again in its test variant; those repeats are dropped.
func (r *report) sorted() []diagnostic {
	var all []diagnostic
	seen := make(map[string]bool)
	for _, byAnalyzer := range r.tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				key := d.Posn + "\x00" + d.Message
				if !seen[key] {
					seen[key] = true
					all = append(all, d)
				}
			}
		}
	}
	sortDiagnostics(all)
	return all
}

// writeJSON prints the merged tree, with errors in their places, in
// multichecker's format. Map keys are sorted, so two runs on the same
// code print the same bytes.
func (r *report) writeJSON(w io.Writer) error {
	out := make(map[string]map[string]any)
	for pkg, byAnalyzer := range r.tree {
		out[pkg] = make(map[string]any)
		for name, diags := range byAnalyzer {
			raws := make([]json.RawMessage, len(diags))
			for i, d := range diags {
				raws[i] = d.raw
			}
			out[pkg][name] = raws
		}
	}
	for _, e := range r.errors {
		if out[e.pkg] == nil {
			out[e.pkg] = make(map[string]any)
		}
		out[e.pkg][e.analyzer] = map[string]string{"error": e.text}
	}
	data, err := json.MarshalIndent(out, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
