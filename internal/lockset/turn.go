package lockset

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// turnOf classifies a call that starts or ends a turn of a known
// turn-taking sequencer as the lock operation it amounts to, with the
// key of the sequencer it acts on.
//
// net/textproto.Pipeline keeps two sequencers, one for requests and
// one for responses. StartRequest(id) returns only once EndRequest has
// been called for every smaller id, and EndRequest(id) hands the turn
// to id+1 under the Pipeline's mutex (closing the channel the next
// StartRequest waits on): the request sections run one at a time, so
// between StartRequest and EndRequest a goroutine holds the request
// sequencer as it would hold a mutex, and memory written only inside
// such sections is serialized (redigo's pipelined benchmark writes its
// shared err between StartRequest and EndRequest). The key is the
// sequencer's field of the Pipeline, so requests and responses are two
// locks. A type not known to be such a sequencer is never one: a
// Start/End pair of a user's type may not exclude anything.
func turnOf(c *ssa.CallCommon) (MutexOp, Key, bool) {
	fn := staticFunc(c)
	if fn == nil || len(c.Args) != 2 {
		return NotMutexOp, Key{}, false
	}
	var field string
	var op MutexOp
	for _, t := range []struct {
		method, field string
		op            MutexOp
	}{
		{"StartRequest", "request", MutexLock},
		{"EndRequest", "request", MutexUnlock},
		{"StartResponse", "response", MutexLock},
		{"EndResponse", "response", MutexUnlock},
	} {
		if analysisutil.IsMethod(fn, "net/textproto", "Pipeline", t.method) {
			field, op = t.field, t.op
			break
		}
	}
	if op == NotMutexOp {
		return NotMutexOp, Key{}, false
	}
	p, ok := types.Unalias(c.Args[0].Type()).(*types.Pointer)
	if !ok {
		return NotMutexOp, Key{}, false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return NotMutexOp, Key{}, false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == field {
			return op, KeyOf(c.Args[0]).Extend(accesspath.FieldStep(i)), true
		}
	}
	return NotMutexOp, Key{}, false
}

// staticLock returns what the static call c does to a lock and the
// key of that lock: a method of sync.Mutex or sync.RWMutex (the
// receiver), or a turn of a known sequencer (see turnOf).
func staticLock(c *ssa.CallCommon) (MutexOp, Key, bool) {
	if op := MutexOpOf(staticFunc(c)); op != NotMutexOp && len(c.Args) == 1 {
		return op, KeyOf(c.Args[0]), true
	}
	return turnOf(c)
}
