package driver

import (
	"fmt"
	"go/types"
	"reflect"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// A factSet holds the facts one package exports. In one process there
// is no need to encode them: importers read them where they are, after
// the package is done, and find them by the package of the object.
type factSet struct {
	objects  map[objectKey]analysis.Fact
	packages map[reflect.Type]analysis.Fact
}

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

func newFactSet() *factSet {
	return &factSet{objects: make(map[objectKey]analysis.Fact), packages: make(map[reflect.Type]analysis.Fact)}
}

// moveTo returns the facts of fs about objects of another check of the
// same package, pkg (see declarations): each fact is moved to the
// object of pkg that stands where its own stands. A fact about an object
// pkg lacks, a local one, is dropped: no importer can name it.
func (fs *factSet) moveTo(pkg *types.Package) *factSet {
	out := &factSet{objects: make(map[objectKey]analysis.Fact, len(fs.objects)), packages: fs.packages}
	var enc objectpath.Encoder
	for k, f := range fs.objects {
		var obj types.Object
		if k.obj.Parent() == k.obj.Pkg().Scope() {
			// objectpath names no unexported function, variable
			// or constant; the scope does.
			obj = pkg.Scope().Lookup(k.obj.Name())
		} else if p, err := enc.For(k.obj); err == nil {
			obj, _ = objectpath.Object(pkg, p)
		}
		if obj != nil && reflect.TypeOf(obj) == reflect.TypeOf(k.obj) {
			out.objects[objectKey{obj, k.t}] = f
		}
	}
	return out
}

// A factIndex finds the unit that declares a *types.Package.
type factIndex struct {
	mu    sync.RWMutex
	units map[*types.Package]*unit
}

func (x *factIndex) add(u *unit) {
	x.mu.Lock()
	x.units[u.types] = u
	x.mu.Unlock()
}

// facts returns the facts of pkg, if it is done.
func (x *factIndex) facts(pkg *types.Package) *factSet {
	x.mu.RLock()
	u := x.units[pkg]
	x.mu.RUnlock()
	if u == nil {
		return nil
	}
	return u.facts
}

// bindFacts gives pass the fact functions of a package being analyzed,
// whose own facts go to own.
func bindFacts(pass *analysis.Pass, own *factSet, index *factIndex, u *unit) {
	lookup := func(pkg *types.Package) *factSet {
		if pkg == pass.Pkg {
			return own
		}
		return index.facts(pkg)
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil || obj.Pkg() == nil {
			return false
		}
		fs := lookup(obj.Pkg())
		if fs == nil {
			return false
		}
		f, ok := fs.objects[objectKey{obj, reflect.TypeOf(ptr)}]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		if obj.Pkg() != pass.Pkg {
			panic(fmt.Sprintf("%s: fact %T on %s of package %s, not %s", pass.Analyzer.Name, f, obj, obj.Pkg(), pass.Pkg))
		}
		own.objects[objectKey{obj, reflect.TypeOf(f)}] = f
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		fs := lookup(pkg)
		if fs == nil {
			return false
		}
		f, ok := fs.packages[reflect.TypeOf(ptr)]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ExportPackageFact = func(f analysis.Fact) {
		own.packages[reflect.TypeOf(f)] = f
	}

	filter := make(map[reflect.Type]bool)
	for _, f := range pass.Analyzer.FactTypes {
		filter[reflect.TypeOf(f)] = true
	}
	// visible lists the fact sets of u and everything it imports.
	visible := func() []*factSet {
		sets := []*factSet{own}
		seen := map[*unit]bool{u: true}
		var walk func(*unit)
		walk = func(v *unit) {
			for _, d := range v.deps {
				if !seen[d] {
					seen[d] = true
					if d.facts != nil {
						sets = append(sets, d.facts)
					}
					walk(d)
				}
			}
		}
		walk(u)
		return sets
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		for _, fs := range visible() {
			for k, f := range fs.objects {
				if filter[k.t] {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
		}
		sort.Slice(out, func(i, j int) bool {
			a, b := out[i].Object, out[j].Object
			if a.Pkg().Path() != b.Pkg().Path() {
				return a.Pkg().Path() < b.Pkg().Path()
			}
			return finding.PosBefore(pass.Fset, a.Pos(), b.Pos())
		})
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		for _, fs := range visible() {
			var pkg *types.Package
			if fs == own {
				pkg = pass.Pkg
			}
			for t, f := range fs.packages {
				if filter[t] {
					if pkg == nil {
						pkg = packageOf(fs, u)
					}
					out = append(out, analysis.PackageFact{Package: pkg, Fact: f})
				}
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Package.Path() < out[j].Package.Path() })
		return out
	}
}

// packageOf finds the dependency of u whose facts are fs.
func packageOf(fs *factSet, u *unit) *types.Package {
	seen := make(map[*unit]bool)
	var find func(*unit) *types.Package
	find = func(v *unit) *types.Package {
		for _, d := range v.deps {
			if seen[d] {
				continue
			}
			seen[d] = true
			if d.facts == fs {
				return d.types
			}
			if p := find(d); p != nil {
				return p
			}
		}
		return nil
	}
	return find(u)
}
