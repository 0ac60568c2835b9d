package feed

import "context"

// Drain reads up to n kept messages from src and then stops the subscription.
func Drain(ctx context.Context, src Source, n int, keep func(Message) bool) ([]Message, error) {
	sub := NewSubscription(src)
	ch, err := sub.Messages(ctx, keep)
	if err != nil {
		return nil, err
	}
	defer sub.Stop()
	var got []Message
	for m := range ch {
		got = append(got, m)
		if len(got) == n {
			break
		}
	}
	_, err = sub.Stats()
	return got, err
}
