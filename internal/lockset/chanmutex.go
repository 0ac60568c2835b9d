package lockset

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// lockOp returns what the static call c does to a lock and the key of
// that lock: staticLock's, or a method of the package's own mutex
// built on a channel (chanMutexOp).
func (b *builder) lockOp(c *ssa.CallCommon) (MutexOp, Key, bool) {
	if op, k, ok := staticLock(c); ok {
		return op, k, true
	}
	return b.chanMutexOp(c)
}

// chanMutexOp classifies a static call of Lock, Unlock or TryLock on a
// mutex type of the package built on a channel of capacity one: Lock
// sends on the receiver's channel field (a full channel is a held
// mutex), Unlock receives from it, TryLock sends in a select with a
// default. It excludes as sync.Mutex does, so it is that mutex, keyed
// by the receiver (a batcher's b.lock.Lock() with
// lock: make(chan struct{}, 1)). A channel of larger capacity is a
// semaphore, which lets several holders in: never a mutex here.
func (b *builder) chanMutexOp(c *ssa.CallCommon) (MutexOp, Key, bool) {
	fn := c.StaticCallee()
	if fn == nil || c.IsInvoke() || len(c.Args) != 1 || fn.Signature.Recv() == nil || fn.Blocks == nil ||
		fn.Pkg == nil || fn.Pkg.Pkg != b.pass.Pkg {
		return NotMutexOp, Key{}, false
	}
	switch fn.Name() {
	case "Lock", "Unlock", "TryLock":
	default:
		return NotMutexOp, Key{}, false
	}
	op, ok := b.chanMutex[fn]
	if !ok {
		op = b.classifyChanMutex(fn)
		if b.chanMutex == nil {
			b.chanMutex = make(map[*ssa.Function]MutexOp)
		}
		b.chanMutex[fn] = op
	}
	if op == NotMutexOp {
		return NotMutexOp, Key{}, false
	}
	return op, KeyOf(c.Args[0]), true
}

// classifyChanMutex says which mutex operation the method fn is, if
// its type is a mutex built on a channel field (see chanMutexOp).
func (b *builder) classifyChanMutex(fn *ssa.Function) MutexOp {
	want := map[string]MutexOp{"Lock": MutexLock, "Unlock": MutexUnlock, "TryLock": MutexTryLock}[fn.Name()]
	field, op := soleChanOp(fn)
	if field == nil || op != want {
		return NotMutexOp
	}
	// Its partner must use the same field the other way.
	partner := "Unlock"
	if want == MutexUnlock {
		partner = "Lock"
	}
	sel := fn.Prog.MethodSets.MethodSet(fn.Signature.Recv().Type()).Lookup(fn.Pkg.Pkg, partner)
	if sel == nil {
		return NotMutexOp
	}
	pfn := fn.Prog.MethodValue(sel)
	if pfn == nil || pfn.Blocks == nil {
		return NotMutexOp
	}
	pfield, pop := soleChanOp(pfn)
	if pfield == nil || pfield.Field != field.Field || pop == want || pop == MutexTryLock {
		return NotMutexOp
	}
	if !b.capacityOne(field) {
		return NotMutexOp
	}
	return want
}

// soleChanOp returns the receiver's channel field that fn's one channel
// operation acts on, and the operation as a mutex's: a send is a Lock,
// a receive an Unlock, a non-blocking select of one send a TryLock.
// Anything else (two operations, another channel) is none.
func soleChanOp(fn *ssa.Function) (*ssa.FieldAddr, MutexOp) {
	var field *ssa.FieldAddr
	op := NotMutexOp
	n := 0
	recvField := func(v ssa.Value) *ssa.FieldAddr {
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return nil
		}
		fa, ok := ld.X.(*ssa.FieldAddr)
		if !ok || len(fn.Params) == 0 || fa.X != fn.Params[0] {
			return nil
		}
		return fa
	}
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			switch in := in.(type) {
			case *ssa.Send:
				n++
				field, op = recvField(in.Chan), MutexLock
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					n++
					field, op = recvField(in.X), MutexUnlock
				}
			case *ssa.Select:
				n++
				if !in.Blocking && len(in.States) == 1 && in.States[0].Dir == types.SendOnly {
					field, op = recvField(in.States[0].Chan), MutexTryLock
				} else {
					field = nil
				}
			case ssa.CallInstruction:
				if _, builtin := in.Common().Value.(*ssa.Builtin); !builtin {
					return nil, NotMutexOp // a call may do more
				}
			}
		}
	}
	if n != 1 || field == nil {
		return nil, NotMutexOp
	}
	return field, op
}

// capacityOne reports whether every channel the package stores into
// the field of f is made with capacity one.
func (b *builder) capacityOne(f *ssa.FieldAddr) bool {
	st := structOf(f.X.Type())
	if st == nil {
		return false
	}
	stores := 0
	for _, fn := range b.all {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				s, ok := in.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := s.Addr.(*ssa.FieldAddr)
				if !ok || fa.Field != f.Field || structOf(fa.X.Type()) != st {
					continue
				}
				stores++
				mc, ok := s.Val.(*ssa.MakeChan)
				if !ok {
					return false
				}
				size, ok := mc.Size.(*ssa.Const)
				if !ok || size.Value == nil || size.Int64() != 1 {
					return false
				}
			}
		}
	}
	return stores > 0
}

// structOf returns the struct type a pointer points to, nil if none.
func structOf(t types.Type) *types.Struct {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, _ := p.Elem().Underlying().(*types.Struct)
	return st
}

// tryLocked returns the lock that the branch ending blk tests the
// success of a TryLock of, and the successor taken when it succeeded.
func (b *builder) tryLocked(blk *ssa.BasicBlock) (Key, int, bool) {
	n := len(blk.Instrs)
	if n == 0 {
		return Key{}, 0, false
	}
	ifi, ok := blk.Instrs[n-1].(*ssa.If)
	if !ok {
		return Key{}, 0, false
	}
	cond, taken := ifi.Cond, 0
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		cond, taken = u.X, 1
	}
	c, ok := cond.(*ssa.Call)
	if !ok {
		return Key{}, 0, false
	}
	if op, k, ok := b.lockOp(c.Common()); ok && op == MutexTryLock {
		return k, taken, true
	}
	return Key{}, 0, false
}
