// Package plugin is the golangci-lint v2 module plugin of goconcheck.
//
// Build a custom golangci-lint with a .custom-gcl.yml such as
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/goconcheck/goconcheck
//	    import: github.com/goconcheck/goconcheck/plugin
//	    version: latest
//
// and enable it in .golangci.yml:
//
//	linters:
//	  enable: [goconcheck]
//	  settings:
//	    custom:
//	      goconcheck:
//	        type: module
//	        settings:
//	          disable: [sleepsync]
package plugin

import (
	"fmt"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/analyzers"
)

func init() {
	register.Plugin("goconcheck", New)
}

// Settings are the plugin's settings in .golangci.yml. Unknown keys
// are rejected, so a misspelt key is an error rather than silently
// ignored.
type Settings struct {
	// Disable lists analyzers not to run, by name.
	Disable []string `json:"disable"`
}

type goconcheck struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from its raw settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("goconcheck: %w", err)
	}
	as, err := selectAnalyzers(analyzers.All(), s.Disable)
	if err != nil {
		return nil, err
	}
	return &goconcheck{analyzers: as}, nil
}

// selectAnalyzers returns all minus the disabled ones; naming an
// analyzer that does not exist is an error.
func selectAnalyzers(all []*analysis.Analyzer, disable []string) ([]*analysis.Analyzer, error) {
	byName := make(map[string]bool, len(all))
	for _, a := range all {
		byName[a.Name] = true
	}
	off := make(map[string]bool, len(disable))
	for _, name := range disable {
		if !byName[name] {
			names := make([]string, 0, len(byName))
			for n := range byName {
				names = append(names, n)
			}
			sort.Strings(names)
			return nil, fmt.Errorf("goconcheck: settings.disable: unknown analyzer %q (known: %s)", name, strings.Join(names, ", "))
		}
		off[name] = true
	}
	var on []*analysis.Analyzer
	for _, a := range all {
		if !off[a.Name] {
			on = append(on, a)
		}
	}
	return on, nil
}

func (p *goconcheck) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: the analyzers need go/types
// and go/ssa.
func (p *goconcheck) GetLoadMode() string { return register.LoadModeTypesInfo }
