package driver

import (
	"encoding/json"
	"os"

	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/htmlreport"
)

// writeHTML writes the report as one self-contained HTML page (-html).
func (r *report) writeHTML(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := htmlreport.Write(f, r.findings(), os.ReadFile); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// findings is the report in typed form, each diagnostic once (a
// package's files appear again in its test variant), in no set order.
func (r *report) findings() []finding.Finding {
	var out []finding.Finding
	seen := make(map[string]bool)
	for pkg, byAnalyzer := range r.tree {
		for name, diags := range byAnalyzer {
			for _, d := range diags {
				key := d.Posn + "\x00" + d.Message
				if seen[key] {
					continue
				}
				seen[key] = true
				var jd jsonDiagnostic
				if json.Unmarshal(d.raw, &jd) != nil {
					continue // parseReport decoded it already
				}
				f := finding.Finding{
					Package:  pkg,
					Analyzer: name,
					Category: jd.Category,
					Pos:      posnPosition(jd.Posn),
					End:      posnPosition(jd.End),
					Message:  jd.Message,
					Trace:    jd.Trace,
				}
				for _, rel := range jd.Related {
					f.Related = append(f.Related, finding.Step{Pos: posnPosition(rel.Posn), End: posnPosition(rel.End), Message: rel.Message})
				}
				out = append(out, f)
			}
		}
	}
	return out
}

func posnPosition(posn string) finding.Position {
	file, line, col := splitPosn(posn)
	return finding.Position{File: file, Line: line, Col: col}
}
