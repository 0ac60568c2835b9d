package lockset

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// noteLock records that instr may lock k, for ReleasedBefore.
func (f *Func) noteLock(instr ssa.Instruction, k Key, record bool) {
	if !record {
		return
	}
	if f.locks == nil {
		f.locks = map[ssa.Instruction][]Key{}
	}
	f.locks[instr] = append(f.locks[instr], k)
}

// LockBefore reports whether a lock the model follows may be taken
// before in on some path of the function: one of its lock operations
// other than in (a Lock, RLock or TryLock of a mutex, through a
// sync.Locker or a Cond's L, or a callee's that returns with the lock
// held; see LockCallOf) reaches in. Whether it is still held there is
// MayHeldBefore's question.
func (f *Func) LockBefore(in ssa.Instruction) bool {
	f.lockOpsOnce.Do(func() {
		f.lockOps = flow.NewPrecedence(nil)
		for instr := range f.locks {
			f.lockOps.Add(instr)
		}
	})
	return f.lockOps.Before(in)
}

// A ReleaseQuery asks whether a mutex is certainly not held at an
// instruction (see Func.ReleasedBefore).
type ReleaseQuery struct {
	// Match tells the keys that name the mutex in the function.
	Match func(Key) bool
	// FromEntry: the function starts with the mutex not held (a
	// goroutine nobody hands it to).
	FromEntry bool
	// Touches reports a call that may lock the mutex in ways the
	// model does not see (a function value, a callee that locks on
	// some paths only): after it the state is unknown.
	Touches func(*ssa.Call) bool
	// Ends reports an instruction that does not return when the
	// mutex is not held (sync.Cond.Wait on a Cond using it panics):
	// a path reaching it unlocked ends there, and after it on the
	// other paths the mutex is held.
	Ends func(ssa.Instruction) bool
}

// Released says why a mutex is not held: the last release on one of
// the paths, or, when Pos is not valid, the function's entry.
type Released struct {
	Pos token.Pos
	// Entry: on some path the mutex is not held since the entry.
	Entry bool
}

// ReleasedBefore reports whether on every path reaching at the mutex
// q.Match names has been released (or, with q.FromEntry, never locked
// since the function's entry) and not locked again since: whether it
// is certainly not held there. Paths start at the entry with the state
// unknown (a caller may hold the mutex) unless q.FromEntry.
func (f *Func) ReleasedBefore(at ssa.Instruction, q ReleaseQuery) (Released, bool) {
	fn := f.Fn
	if len(fn.Blocks) == 0 || at.Block() == nil || at.Block().Parent() != fn {
		return Released{}, false
	}
	released := map[ssa.Instruction]bool{}
	for _, r := range f.Releases {
		if !r.Later && q.Match(r.Key) {
			released[r.Instr] = true
		}
	}
	in := make([]releaseFact, len(fn.Blocks))
	in[0] = releaseFact{state: relUnknown}
	if q.FromEntry {
		in[0] = releaseFact{state: relFree, entry: true}
	}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	if fn.Recover != nil {
		in[fn.Recover.Index] = releaseFact{state: relUnknown}
		work = append(work, fn.Recover)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		st := in[b.Index]
		for _, instr := range b.Instrs {
			st = f.releaseStep(instr, st, q, released)
		}
		for _, s := range b.Succs {
			if nf := st.join(in[s.Index]); nf != in[s.Index] {
				in[s.Index] = nf
				work = append(work, s)
			}
		}
	}
	st := in[at.Block().Index]
	for _, instr := range at.Block().Instrs {
		if instr == at {
			break
		}
		st = f.releaseStep(instr, st, q, released)
	}
	if st.state != relFree {
		return Released{}, false
	}
	return Released{Pos: st.pos, Entry: st.entry}, true
}

type releaseState uint8

const (
	relNone    releaseState = iota // not reached yet
	relUnknown                     // held on some path, or nothing known
	relFree                        // certainly not held
)

type releaseFact struct {
	state releaseState
	pos   token.Pos // the release, or NoPos for the entry
	entry bool      // some path is not held since the entry
}

// join merges the facts of two paths: certainly not held only if so
// on both, keeping the first one's release.
func (a releaseFact) join(b releaseFact) releaseFact {
	switch {
	case a.state == relNone:
		return b
	case b.state == relNone:
		return a
	case a.state == relFree && b.state == relFree:
		a.entry = a.entry || b.entry
		return a
	}
	return releaseFact{state: relUnknown}
}

func (f *Func) releaseStep(instr ssa.Instruction, st releaseFact, q ReleaseQuery, released map[ssa.Instruction]bool) releaseFact {
	if st.state == relNone {
		return st
	}
	if q.Ends != nil && q.Ends(instr) {
		if st.state == relFree {
			return releaseFact{} // the path ends here
		}
		return releaseFact{state: relUnknown}
	}
	call, ok := instr.(*ssa.Call) // deferred and go calls run later or elsewhere
	if !ok {
		return st
	}
	if q.Touches != nil && q.Touches(call) {
		st = releaseFact{state: relUnknown}
	}
	if released[instr] {
		st = releaseFact{state: relFree, pos: instr.Pos()}
	}
	for _, k := range f.locks[instr] {
		if q.Match(k) {
			return releaseFact{state: relUnknown}
		}
	}
	return st
}

// Rebase returns the key of the location path (".N" and ".*" steps)
// inside base, named as KeyOf would name it.
func Rebase(base Key, path string) Key {
	base.Path += path
	return normalize(base)
}
