// Command chat is a pub/sub demo: a hub fans room messages out to connected
// members and prints a periodic digest.
package main

import (
	"fmt"
	"log"
	"time"
)

type Message struct {
	Room string
	From string
	Text string
}

type Hub struct {
	publish chan Message
	join    chan member
	members map[string][]member
}

type member struct {
	name  string
	room  string
	inbox chan Message
}

func NewHub() *Hub {
	return &Hub{
		publish: make(chan Message, 64),
		join:    make(chan member),
		members: make(map[string][]member),
	}
}

func (h *Hub) Run() {
	digest := time.NewTicker(time.Second)
	defer digest.Stop()
	delivered := 0
	for {
		select {
		case m := <-h.join:
			h.members[m.room] = append(h.members[m.room], m)
		case msg := <-h.publish:
			for _, m := range h.members[msg.Room] {
				select {
				case m.inbox <- msg:
					delivered++
				default:
					log.Printf("dropping message for slow member %s", m.name)
				}
			}
		case <-digest.C:
			log.Printf("hub: %d rooms, %d messages delivered", len(h.members), delivered)
		}
	}
}

func (h *Hub) Join(name, room string) <-chan Message {
	inbox := make(chan Message, 32)
	h.join <- member{name: name, room: room, inbox: inbox}
	return inbox
}

func listen(name string, inbox <-chan Message) {
	for msg := range inbox {
		fmt.Printf("[%s] %s <%s> %s\n", name, msg.Room, msg.From, msg.Text)
	}
}

func chatter(h *Hub, from, room string, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	n := 0
	for range t.C {
		n++
		h.publish <- Message{Room: room, From: from, Text: fmt.Sprintf("hello #%d", n)}
	}
}

func main() {
	h := NewHub()
	go h.Run()

	go listen("alice", h.Join("alice", "#general"))
	go listen("bob", h.Join("bob", "#general"))
	go listen("carol", h.Join("carol", "#ops"))

	go chatter(h, "alice", "#general", 300*time.Millisecond)
	go chatter(h, "carol", "#ops", 700*time.Millisecond)

	// Hold for a while to see the traffic, then let the demo end.
	time.Sleep(5 * time.Second)
}
