package g4_route_table

import "testing"

func TestMatch(t *testing.T) {
	rt := NewTable()
	ok := func(string) string { return "ok" }
	if err := rt.Add("/api", ok); err != nil {
		t.Fatal(err)
	}
	if err := rt.Add("/api/v2", ok); err != nil {
		t.Fatal(err)
	}
	if _, p := rt.Match("/api/v2/users"); p != "/api/v2" {
		t.Fatalf("matched %q", p)
	}
	rt.Seal()
	if err := rt.Add("/x", ok); err == nil {
		t.Fatal("expected sealed error")
	}
}
