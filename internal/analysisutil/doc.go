// Package analysisutil holds small helpers shared by the goconcheck
// analyzers: recognising the sync and context APIs in go/types and
// go/ssa form, the struct field an instruction selects (FieldOf,
// FieldValueOf), the function and closure bindings a function value
// denotes (FuncValue), the value a closure's free variable or
// captured variable stands for (Closures.Bound, CapturedValue,
// Closures.Origin), where a function value flows in a package
// (ValueFlow), the marks of the packages an analyzer has analyzed, so
// that facts saying only its default need not be exported (Analyzed),
// where a call SSA positions at its '(' starts (CallStarts), and
// extracting an analyzer's documentation from its doc.go.
package analysisutil
