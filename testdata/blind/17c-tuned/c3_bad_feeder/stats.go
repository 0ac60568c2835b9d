package mailer

func (o *Outbox) report(err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if err != nil {
		o.lastErr = err
		return
	}
	o.sent++
}

func (o *Outbox) Stats() (sent int, lastErr error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.sent, o.lastErr
}
