package analysisutil

import "go/token"

// LineIndent returns the blanks (spaces and tabs) that precede pos on
// its line, where src is the content of pos's file tf, and whether only
// blanks precede it. A suggested fix that inserts a statement next to
// the one at pos gives it this indentation; when another statement
// precedes pos on its line there is none to give.
func LineIndent(tf *token.File, src []byte, pos token.Pos) (string, bool) {
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	off := tf.Offset(pos)
	if start < 0 || off > len(src) || start > off {
		return "", false
	}
	for _, b := range src[start:off] {
		if b != ' ' && b != '\t' {
			return "", false
		}
	}
	return string(src[start:off]), true
}
