package analysisutil

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// IsNamed reports whether t, or the type t points to, is the named
// type pkgPath.name (for example "sync", "WaitGroup"). Type
// parameters and aliases are seen through.
func IsNamed(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// IsMethod reports whether fn is the method recv.name declared in
// package pkgPath, e.g. IsMethod(fn, "sync", "WaitGroup", "Add").
// Promoted methods (a struct embedding sync.WaitGroup) resolve to the
// same *types.Func and so match too.
func IsMethod(fn *types.Func, pkgPath, recv, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return IsNamed(sig.Recv().Type(), pkgPath, recv)
}

// IsFunc reports whether fn is the package-level function pkgPath.name.
func IsFunc(fn *types.Func, pkgPath, name string) bool {
	if fn == nil || fn.Name() != name || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() == nil
}

// CalleeFunc returns the function or method a call statically
// refers to, or nil (builtins, function values, conversions).
func CalleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// Mentions reports whether the package's syntax refers to an object
// (a generic function or method as its origin) for which match returns
// true: a cheap test that lets an analyzer skip a package that cannot
// contain what it looks for.
func Mentions(info *types.Info, match func(types.Object) bool) bool {
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok {
			obj = fn.Origin()
		}
		if match(obj) {
			return true
		}
	}
	return false
}

// InternalPath reports whether the package path has an element
// "internal": only packages of the tree above it may import it, so its
// exported names are not an API for any client, and callers outside
// the package are code of the same module, out of sight of an
// analysis of one package.
func InternalPath(path string) bool {
	return path == "internal" || strings.HasPrefix(path, "internal/") ||
		strings.HasSuffix(path, "/internal") || strings.Contains(path, "/internal/")
}

// IsNilExpr reports whether e is the untyped nil (or a conversion of
// it) in the package that info describes.
func IsNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// IsBool reports whether t's underlying type is bool.
func IsBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// TestSupportPath reports whether path is an internal package that
// exists to support its module's tests: its last element ends in
// "test" or "testutil" (oauthtest, storetest), is "testing", or starts
// with "fake" (fakeserver). Only the module's own tests use it.
func TestSupportPath(path string) bool {
	if !InternalPath(path) {
		return false
	}
	last := path[strings.LastIndex(path, "/")+1:]
	return strings.HasSuffix(last, "test") || strings.HasSuffix(last, "testutil") || last == "testing" || strings.HasPrefix(last, "fake")
}

// Nilable reports whether a value of type t is nil or not as a whole:
// a pointer, channel, function or interface. (An empty slice or map is
// not nil, yet says nothing about its length.)
func Nilable(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Chan, *types.Signature, *types.Interface:
		return true
	}
	return false
}

// IsMap reports whether t is a map type.
func IsMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}
