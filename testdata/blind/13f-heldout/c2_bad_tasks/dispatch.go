package cron

func (s *Scheduler) dispatch() {
	defer s.wg.Done()
	for {
		select {
		case t := <-s.work:
			s.runOne(t)
		case <-s.stopC:
			close(s.work)
			for t := range s.work {
				s.runOne(t)
			}
			return
		}
	}
}

func (s *Scheduler) runOne(t Task) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("cron: task %s panicked: %v", t.Name, r)
		}
	}()
	if err := t.Run(); err != nil {
		s.logf("cron: task %s: %v", t.Name, err)
	}
}
