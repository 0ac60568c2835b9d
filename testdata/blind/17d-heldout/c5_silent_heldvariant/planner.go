package billing

type seatPlanner struct {
	acct *Accounts
}

func newSeatPlanner(a *Accounts) Planner { return &seatPlanner{acct: a} }

func (p *seatPlanner) Overage(planSeats map[string]int) map[string]int {
	seats := p.acct.seatsLocked()
	out := map[string]int{}
	for id, n := range seats {
		t := p.acct.tenants[id]
		if limit, ok := planSeats[t.Plan]; ok && n > limit {
			out[id] = n - limit
		}
	}
	return out
}
