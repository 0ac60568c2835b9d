package driver

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	suite "github.com/goconcheck/goconcheck/analyzers"
)

// help prints the list of analyzers, or the documentation of those named.
func help(analyzers []*analysis.Analyzer, names []string, w io.Writer) error {
	if len(names) == 0 {
		fmt.Fprintln(w, "Analyzers:")
		fmt.Fprintln(w)
		width := 0
		for _, a := range analyzers {
			width = max(width, len(a.Name))
		}
		for _, a := range analyzers {
			summary, _, _ := strings.Cut(a.Doc, "\n\n")
			fmt.Fprintf(w, "    %-*s  %s\n", width, a.Name, strings.Join(strings.Fields(summary), " "))
		}
		fmt.Fprintf(w, "\nRun '%s help NAME' for an analyzer's documentation and flags.\n", progName())
		return nil
	}
	for _, name := range names {
		var found *analysis.Analyzer
		for _, a := range analyzers {
			if a.Name == name {
				found = a
			}
		}
		if found == nil {
			return fmt.Errorf("%s: no analyzer named %q", progName(), name)
		}
		fmt.Fprintf(w, "%s: %s\n", found.Name, strings.TrimSpace(found.Doc))
		if found.URL != "" {
			fmt.Fprintf(w, "\nDocumentation: %s\n", found.URL)
		}
		if ids := suite.RulesOf(found.Name); len(ids) > 0 {
			fmt.Fprintln(w, "\nRules (each can be switched off with -disable-rule=ID):")
			for _, id := range ids {
				fmt.Fprintf(w, "  %s\t%s\n", id, suite.RuleDoc(id))
			}
		}
		first := true
		found.Flags.VisitAll(func(f *flag.Flag) {
			if first {
				fmt.Fprintln(w, "\nFlags:")
				first = false
			}
			fmt.Fprintf(w, "  -%s.%s\t%s\n", found.Name, f.Name, f.Usage)
		})
		fmt.Fprintln(w)
	}
	return nil
}
