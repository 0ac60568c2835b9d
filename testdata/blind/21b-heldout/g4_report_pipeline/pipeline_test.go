package g4_report_pipeline

import "testing"

func TestRun(t *testing.T) {
	p := New(
		filterStage{closed: map[string]bool{"acme": true}},
		enrichStage{score: func(r Row) float64 { return float64(r.Amount) / 100 }},
	)
	rep := p.Run([]Row{{Account: "acme", Amount: 5}, {Account: "", Amount: 1}, {Account: "zeta", Amount: 250}})
	if len(rep.Rows) != 1 || rep.Rows[0].Score != 2.5 {
		t.Fatalf("rows = %+v", rep.Rows)
	}
	if len(rep.Dropped) != 2 {
		t.Fatalf("dropped = %v", rep.Dropped)
	}
}
