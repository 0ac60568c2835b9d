package broker

func (b *Broker) swapTransport(tr transport) transport {
	old := b.tr
	b.tr = tr
	return old
}
