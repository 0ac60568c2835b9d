package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/goconcheck/goconcheck/analyzers"
)

func names(p register.LinterPlugin) []string {
	as, _ := p.BuildAnalyzers()
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return ns
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("goconcheck")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(names(p)), len(analyzers.All()); got != want {
		t.Errorf("plugin runs %d analyzers, the suite has %d", got, want)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want typesinfo", p.GetLoadMode())
	}
}

func TestDisable(t *testing.T) {
	all := analyzers.All()
	if len(all) == 0 {
		t.Fatal("empty suite")
	}
	off := all[0].Name
	p, err := New(map[string]any{"disable": []any{off}})
	if err != nil {
		t.Fatal(err)
	}
	got := names(p)
	if len(got) != len(all)-1 {
		t.Errorf("disable %s: running %v", off, got)
	}
	for _, n := range got {
		if n == off {
			t.Errorf("disabled analyzer %s still runs", off)
		}
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"disabled": []any{"x"}}, `unknown field "disabled"`},
		{map[string]any{"disable": []any{"nosuchanalyzer"}}, `unknown analyzer "nosuchanalyzer"`},
		{map[string]any{"disable": "condwait"}, "cannot unmarshal"},
	} {
		_, err := New(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v): error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}
