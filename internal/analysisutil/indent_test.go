package analysisutil

import (
	"bytes"
	"go/token"
	"testing"
)

// TestLineIndent: the blanks before a statement that starts its line;
// none for one that another statement precedes.
func TestLineIndent(t *testing.T) {
	src := []byte("package p\n\nfunc f() {\n\t  x := 1; y := 2\n}\n")
	fset := token.NewFileSet()
	tf := fset.AddFile("p.go", -1, len(src))
	tf.SetLinesForContent(src)
	at := func(s string) token.Pos { return tf.Pos(bytes.Index(src, []byte(s))) }
	if ind, ok := LineIndent(tf, src, at("x :=")); !ok || ind != "\t  " {
		t.Errorf("LineIndent(x) = %q, %v; want tab and two spaces", ind, ok)
	}
	if ind, ok := LineIndent(tf, src, at("y :=")); ok || ind != "" {
		t.Errorf("LineIndent(y) = %q, %v; want none", ind, ok)
	}
	if ind, ok := LineIndent(tf, src, at("func")); !ok || ind != "" {
		t.Errorf("LineIndent(func) = %q, %v; want empty", ind, ok)
	}
	if _, ok := LineIndent(tf, src[:20], at("x :=")); ok {
		t.Errorf("LineIndent past the end of a short source succeeded")
	}
}
