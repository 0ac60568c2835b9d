// Package missingcancel holds a missingcancel finding in a file a person wrote and
// the same in a generated one, where it is dropped.
package missingcancel

import "context"

func discard(ctx context.Context) context.Context {
	ctx, _ = context.WithCancel(ctx) // want `.`
	return ctx
}
