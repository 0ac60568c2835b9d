package analysisutil

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// HandlerSignature reports whether sig is func(http.ResponseWriter,
// *http.Request): a function a server runs once per request.
func HandlerSignature(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	p := sig.Params()
	ptr, ok := p.At(1).Type().(*types.Pointer)
	return ok && IsNamed(p.At(0).Type(), "net/http", "ResponseWriter") && IsNamed(ptr.Elem(), "net/http", "Request")
}

// ServiceMethod reports a method the server runs once per request: a
// ServeHTTP method on a pointer, or an exported method of a gRPC
// service (a struct embedding its Unimplemented...Server).
func ServiceMethod(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Parent() != nil || fn.Synthetic != "" {
		return false
	}
	ptr, ok := recv.Type().(*types.Pointer)
	if !ok {
		return false
	}
	if fn.Name() == "ServeHTTP" && HandlerSignature(fn.Signature) {
		return true
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || !token.IsExported(fn.Name()) || fn.Signature.Params().Len() != 2 || !IsNamed(fn.Signature.Params().At(0).Type(), "context", "Context") {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		t := f.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok && strings.HasPrefix(n.Obj().Name(), "Unimplemented") && strings.HasSuffix(n.Obj().Name(), "Server") {
			return true
		}
	}
	return false
}
