package billing

import "sync"

type Tenant struct {
	ID    string
	Plan  string
	Seats int
}

type Planner interface {
	Overage(planSeats map[string]int) map[string]int
}

type Accounts struct {
	mu      sync.Mutex
	tenants map[string]*Tenant
	planner Planner
	charged map[string]int
}

func NewAccounts() *Accounts {
	a := &Accounts{tenants: map[string]*Tenant{}, charged: map[string]int{}}
	a.planner = newSeatPlanner(a)
	return a
}

func (a *Accounts) seatsLocked() map[string]int {
	out := make(map[string]int, len(a.tenants))
	for id, t := range a.tenants {
		out[id] = t.Seats
	}
	return out
}

func (a *Accounts) Seats() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.seatsLocked()
}

func (a *Accounts) Upsert(t Tenant) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.tenants[t.ID] = &t
}

func (a *Accounts) CloseMonth(planSeats map[string]int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, extra := range a.planner.Overage(planSeats) {
		a.charged[id] += extra
	}
}
