package chanmodel

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/factcodec"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Summary is the fact exported for a function or method with an
// exported name and channel operations on its parameters or on fields
// of struct types of its package.
type Summary struct {
	Ops []FactOp
	// Contained lists the channel parameters that the function passes
	// to no code the model cannot see (see Model.Escapes): its
	// operations on them are all in Ops.
	Contained []int
}

// FactOp is one operation of a Summary.
type FactOp struct {
	Kind OpKind
	// Param is the index of the parameter (receiver first) the
	// operation acts on, or -1 for a field.
	Param int
	// TypeName and FieldName name the field, of a struct type declared
	// at package level in the function's package.
	TypeName, FieldName string
	// BaseParam is the parameter whose field is used, or -1.
	BaseParam int
	Unit      int

	Must, RecvBefore, AfterWait, Locked, Select, NonBlocking bool
	Avoid, NeedsClose, Fresh, Replaced                       bool
	// Every (Assign): the function stores into the field on every path.
	Every bool
}

func (*Summary) AFact() {}

// GobEncode writes the fact in its compact form for go vet's fact files
// (see factcodec).
func (s *Summary) GobEncode() ([]byte, error) {
	var w factcodec.Writer
	factcodec.List(&w, s.Ops, func(w *factcodec.Writer, op FactOp) {
		w.Uint(uint64(op.Kind))
		w.Int(op.Param)
		w.String(op.TypeName)
		w.String(op.FieldName)
		w.Int(op.BaseParam)
		w.Int(op.Unit)
		w.Bools(op.Must, op.RecvBefore, op.AfterWait, op.Locked, op.Select, op.NonBlocking,
			op.Avoid, op.NeedsClose, op.Fresh, op.Replaced, op.Every)
	})
	w.Ints(s.Contained)
	return w.Bytes(), nil
}

func (s *Summary) GobDecode(data []byte) error {
	r := factcodec.NewReader(data)
	ops := factcodec.ReadList(r, func(r *factcodec.Reader) (op FactOp) {
		op.Kind, op.Param = OpKind(r.Uint()), r.Int()
		op.TypeName, op.FieldName = r.String(), r.String()
		op.BaseParam, op.Unit = r.Int(), r.Int()
		r.Bools(&op.Must, &op.RecvBefore, &op.AfterWait, &op.Locked, &op.Select, &op.NonBlocking,
			&op.Avoid, &op.NeedsClose, &op.Fresh, &op.Replaced, &op.Every)
		return op
	})
	*s = Summary{Ops: ops, Contained: r.Ints()}
	return r.Err()
}

func (s *Summary) String() string {
	var parts []string
	for _, op := range s.Ops {
		where := fmt.Sprintf("param%d", op.Param)
		if op.Param < 0 {
			where = op.TypeName + "." + op.FieldName
		}
		parts = append(parts, fmt.Sprintf("%s %s/u%d", op.Kind, where, op.Unit))
	}
	return "chanops(" + strings.Join(parts, ", ") + ")"
}

func (b *builder) exportFact(m *Model, f *Func) {
	obj, ok := f.Fn.Object().(*types.Func)
	// Another package can call only what has an exported name (a
	// method of an unexported type included): a fact on anything else
	// would only be carried along, in go vet mode into the fact file
	// of every package that imports this one, directly or not.
	if !ok || obj.Pkg() != b.pass.Pkg || f.Fn.Parent() != nil || !obj.Exported() {
		return
	}
	var s Summary
	for _, op := range f.Ops {
		// A deferred operation has run by the time a call returns, so
		// callers see it as an ordinary one.
		fo := FactOp{
			Kind: op.Kind, Param: -1, BaseParam: -1, Unit: op.Unit,
			Must: op.Must, RecvBefore: op.RecvBefore, AfterWait: op.AfterWait, Locked: op.Locked,
			Select: op.Select, NonBlocking: op.NonBlocking,
			Avoid: op.Avoid, NeedsClose: op.NeedsClose, Fresh: op.Fresh, Replaced: op.Replaced, Every: op.every,
		}
		switch op.Chan.Kind {
		case KindParam:
			if op.Chan.Func != f.Fn {
				continue
			}
			fo.Param = op.Chan.Index
		case KindField:
			tn := b.fieldType[op.Chan.Field]
			if tn == nil || tn.Pkg() != b.pass.Pkg || tn.Parent() != b.pass.Pkg.Scope() {
				continue
			}
			fo.TypeName, fo.FieldName = tn.Name(), op.Chan.Field.Name()
			if p, ok := op.Base.(*ssa.Parameter); ok {
				if i := flow.ParamIndex(f.Fn, p); i >= 0 {
					fo.BaseParam = i
				}
			}
		default:
			continue
		}
		s.Ops = append(s.Ops, fo)
	}
	if len(s.Ops) > 0 {
		for i, p := range f.Fn.Params {
			if _, ok := p.Type().Underlying().(*types.Chan); ok && !m.paramEscapes(f.Fn, i) {
				s.Contained = append(s.Contained, i)
			}
		}
		b.pass.ExportObjectFact(obj, &s)
	}
}

// fromFact turns an imported summary of obj into operations in the
// context of callee.
func (b *builder) fromFact(callee *ssa.Function, obj *types.Func, s *Summary) []Op {
	var ops []Op
	for _, fo := range s.Ops {
		op := Op{
			Kind: fo.Kind, Unit: fo.Unit, baseParam: fo.BaseParam,
			Must: fo.Must, RecvBefore: fo.RecvBefore, AfterWait: fo.AfterWait, Locked: fo.Locked,
			Select: fo.Select, NonBlocking: fo.NonBlocking,
			Avoid: fo.Avoid, NeedsClose: fo.NeedsClose, Fresh: fo.Fresh, Replaced: fo.Replaced, every: fo.Every,
		}
		if fo.Param >= 0 {
			op.Chan = ChanID{Kind: KindParam, Func: callee, Index: fo.Param}
		} else {
			f := lookupField(obj.Pkg(), fo.TypeName, fo.FieldName)
			if f == nil {
				continue
			}
			op.Chan = ChanID{Kind: KindField, Field: f}
		}
		ops = append(ops, op)
	}
	return ops
}

func lookupField(pkg *types.Package, typeName, field string) *types.Var {
	tn, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return nil
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == field {
			return f.Origin()
		}
	}
	return nil
}
