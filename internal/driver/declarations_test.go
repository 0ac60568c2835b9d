package driver

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type moveFact struct{ Name string }

func (*moveFact) AFact() {}

var _ analysis.Fact = (*moveFact)(nil)

// TestMoveFacts checks that the facts of a package checked with its
// bodies move to the same objects of the package checked for its
// declarations alone, unexported functions, methods and fields
// included, and that a local object's fact, which no importer can
// name, is dropped.
func TestMoveFacts(t *testing.T) {
	const src = `package p

import "sync"

type T struct {
	mu sync.Mutex
	n  int
}

func (t *T) Inc() { t.mu.Lock(); t.n++; t.mu.Unlock() }

func (t T) get() int { return t.n }

func helper() {}

func Exported() {
	type local struct{}
	_ = local{}
	helper()
}

var v = &T{}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	check := func(ignoreBodies bool) (*types.Package, *types.Info) {
		conf := &types.Config{Importer: importer.Default(), IgnoreFuncBodies: ignoreBodies}
		info := &types.Info{Defs: make(map[*ast.Ident]types.Object)}
		pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		return pkg, info
	}
	_, info := check(false)
	decls, _ := check(true)

	// A fact on every object the package defines; the ones on these
	// must move, the one on local must be dropped.
	want := map[string]bool{"T": true, "mu": true, "n": true, "Inc": true, "get": true, "helper": true, "Exported": true, "v": true}
	fs := newFactSet()
	ft := reflect.TypeOf((*moveFact)(nil))
	for id, obj := range info.Defs {
		if obj != nil && id.Name != "_" && id.Name != "p" {
			fs.objects[objectKey{obj, ft}] = &moveFact{types.ObjectString(obj, nil)}
		}
	}
	moved := fs.moveTo(decls)
	got := make(map[string]bool)
	for k, f := range moved.objects {
		name := f.(*moveFact).Name
		if k.obj.Pkg() != decls {
			t.Errorf("fact of %s is on an object of another package than the declarations", name)
		}
		if s := types.ObjectString(k.obj, nil); s != name {
			t.Errorf("fact of %s moved to %s", name, s)
		}
		if k.obj.Name() == "local" {
			t.Errorf("fact of the local %s kept", name)
		}
		got[k.obj.Name()] = true
	}
	for name := range want {
		if !got[name] {
			t.Errorf("fact of %s lost", name)
		}
	}
}
