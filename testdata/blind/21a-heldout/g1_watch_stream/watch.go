// GOOD: Watch passes a literal nil *WatchOptions, and newWatchRequest only fails inside `if opts != nil`, so its early return is dead; the cancel otherwise goes to Watcher.Close.
package g1_watch_stream

import (
	"context"
	"errors"
	"fmt"
)

type Change struct {
	Key      string
	Value    []byte
	Revision int64
}

type WatchOptions struct {
	Prefix      bool
	StartRev    int64
	ProgressMsg bool
}

type watchRequest struct {
	Key      string
	Prefix   bool
	StartRev int64
}

type backend interface {
	Watch(ctx context.Context, req watchRequest) (<-chan Change, error)
}

type KV struct {
	be backend
}

func New(be backend) *KV { return &KV{be: be} }

// streamContext derives the context that lives as long as one stream.
func (kv *KV) streamContext(parent context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(parent)
}

func newWatchRequest(key string, opts *WatchOptions) (watchRequest, error) {
	req := watchRequest{Key: key}
	if opts != nil {
		if opts.StartRev < 0 {
			return watchRequest{}, fmt.Errorf("kv: negative start revision %d", opts.StartRev)
		}
		if opts.ProgressMsg && !opts.Prefix {
			return watchRequest{}, errors.New("kv: progress messages need a prefix watch")
		}
		req.Prefix = opts.Prefix
		req.StartRev = opts.StartRev
	}
	return req, nil
}

// Watcher delivers changes until Close is called.
type Watcher struct {
	C      <-chan Change
	cancel context.CancelFunc
}

func (w *Watcher) Close() { w.cancel() }

// Watch watches a single key from the current revision.
func (kv *KV) Watch(ctx context.Context, key string) (*Watcher, error) {
	ctx, cancel := kv.streamContext(ctx)
	req, err := newWatchRequest(key, nil)
	if err != nil {
		return nil, err
	}
	ch, err := kv.be.Watch(ctx, req)
	if err != nil {
		cancel()
		return nil, err
	}
	return &Watcher{C: ch, cancel: cancel}, nil
}

// WatchWithOptions watches key with caller-supplied options.
func (kv *KV) WatchWithOptions(ctx context.Context, key string, opts *WatchOptions) (*Watcher, error) {
	ctx, cancel := kv.streamContext(ctx)
	req, err := newWatchRequest(key, opts)
	if err != nil {
		cancel()
		return nil, err
	}
	ch, err := kv.be.Watch(ctx, req)
	if err != nil {
		cancel()
		return nil, err
	}
	return &Watcher{C: ch, cancel: cancel}, nil
}
