// Package flow is the control-flow toolkit the goconcheck analyzers
// and models share, on go/ssa: the questions about one function's
// control-flow graph that every pass asks, answered once.
//
//   - Searches: [Search] walks the graph forwards or backwards, from an
//     instruction or a block, optionally along a subset of the edges
//     (a branch known not to be taken); [Reaches] asks whether one
//     instruction can run after another without passing a stop,
//     [Between] whether some path from one to another passes an
//     instruction of a kind (something that waits), and [Reachable]
//     the same of blocks.
//   - Loops: [LoopOf] gives the blocks of the cycle through a block,
//     [InLoop] whether there is one, [EveryIteration] whether a block
//     runs on every iteration of the loop a header heads, [InLoopAfter]
//     whether an instruction runs again in the next iteration of a loop.
//   - Dominance: [Dominates] orders two instructions, [DominatesReturns]
//     and [DominatesReturnsFrom] ask whether a block runs on every
//     path to a normal return.
//   - Guards: [Guards] lists the branches on a comparison with a
//     constant that control at a block passed on the side where the
//     two are equal (a role or mode fixed by an if or a switch case).
//   - Calls that do not return: [CallEnd] says how a call ends the
//     flow of control it is on (a panic, the end of the goroutine, the
//     end of the process), from one list and the interfaces *testing.T
//     satisfies; [Ends] is the one notion of "never returns" beyond it:
//     the functions whose every path ends or hangs, or does when an
//     argument is not nil, with the facts of other packages (the result
//     of analysisutil.EndsAnalyzer; a memo its only state); [FailsTest],
//     [SkipsTest] and [EndsTest] say what a method of package testing
//     does to the test; [Ends.Fails] and [Ends.FailEdge] whether a
//     path has reported a test failure (t.Errorf, a helper that always
//     reports, the false side of an assertion that returns false only
//     after reporting: FuncEnds.Fails and FalseFails, facts across
//     packages), so that a passing test does not take it;
//     [Ends.FailureSignal] whether a test's variable its goroutines
//     share only ever tells it that something failed;
//     [DefersRecover] whether a deferred call may
//     turn a panic into a return; [NonNilEdge] and [TestedNonNil] which
//     nil tests let only a non-nil value through.
//   - Callees: [Callee] and [CalleeFunc] name what a call statically
//     calls, seeing an instantiated generic function as its origin;
//     [Origin] and [Body] do the same for a function in hand; [UseOf]
//     says what an instruction does with a function value (calls,
//     defers or starts it, or hands it on), [OnlyUsedAs] whether a
//     closure is never handed on.
//   - Values: [ParamIndex] finds a parameter's place among its
//     function's; [Unconverted] sees a channel or function value
//     through the conversions that keep its identity; [Captures]
//     gives the free variables a closure binds a value to;
//     [ZeroConst] tells a constant's zero value.
//
// It is shaped like staticcheck's irutil: small functions of the
// graph, no state (but Ends' memo) and no analysis pass of its own. It depends on
// go/ssa and go/types only, so every model can stand on it.
package flow
