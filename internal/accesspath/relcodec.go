package accesspath

import "github.com/goconcheck/goconcheck/internal/factcodec"

// EncodeRels appends rels to a fact's compact encoding (see factcodec).
func EncodeRels(w *factcodec.Writer, rels []Rel) { factcodec.List(w, rels, encodeRel) }

func encodeRel(w *factcodec.Writer, r Rel) { r.Encode(w) }

// DecodeRels reads what EncodeRels wrote; an empty list is nil.
func DecodeRels(rd *factcodec.Reader) []Rel { return factcodec.ReadList(rd, DecodeRel) }

// Encode appends r to a fact's compact encoding.
func (r Rel) Encode(w *factcodec.Writer) {
	w.Int(r.Param)
	w.Int(r.FreeVar)
	w.String(r.Global)
	w.String(r.Path)
}

// DecodeRel reads what Rel.Encode wrote.
func DecodeRel(rd *factcodec.Reader) Rel {
	// The operands are evaluated left to right.
	return Rel{Param: rd.Int(), FreeVar: rd.Int(), Global: rd.String(), Path: rd.String()}
}
