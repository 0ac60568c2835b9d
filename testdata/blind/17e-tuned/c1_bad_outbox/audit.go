package outbox

import "log"

func WatchOnce(b *Broker, topic string) {
	sub := b.Subscribe(topic)
	go sub.Consume(func(ev Event) {
		log.Printf("audit %s: %s", ev.Topic, ev.Body)
		sub.Cancel()
	})
}

func Replay(b *Broker, events []Event) {
	for _, ev := range events {
		b.Publish(ev)
	}
}
