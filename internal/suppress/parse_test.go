package suppress

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// A malformed directive silences nothing, even on the line it names.
func TestMalformedSilencesNothing(t *testing.T) {
	const src = `package p

func f() {
	//goconcheck:ignore toy
	bad()
	bad() //goconcheck:ignore toy,nosuch why
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	dirs := parse(fset, []*ast.File{f}, func(name string) bool { return name == "toy" })
	if len(dirs) != 2 || dirs[0].problem == "" || dirs[1].problem == "" || !dirs[1].trailing || dirs[0].trailing {
		t.Fatalf("directives %+v %+v: want both malformed, the second trailing", dirs[0], dirs[1])
	}
	for _, line := range []int{4, 5, 6} {
		for _, d := range dirs {
			if d.covers("toy", "p.go", line) {
				t.Errorf("a malformed directive at line %d covers line %d", d.line, line)
			}
		}
	}
	// The same directives, well-formed, do cover.
	if !(&directive{file: "p.go", line: 4, analyzers: []string{"toy"}}).covers("toy", "p.go", 5) {
		t.Errorf("a well-formed directive on its own line does not cover the next")
	}
}
