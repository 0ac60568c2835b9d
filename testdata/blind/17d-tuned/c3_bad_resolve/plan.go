package svcreg

func (r *Registry) DependencyPlan(deps map[string][]string) map[string][]Endpoint {
	r.rw.RLock()
	defer r.rw.RUnlock()

	services := make([]string, 0, len(r.endpoints))
	for s := range r.endpoints {
		services = append(services, s)
	}

	type res struct {
		svc string
		eps []Endpoint
	}
	results := make(chan res)
	for _, s := range services {
		go func(s string) {
			var eps []Endpoint
			for _, d := range deps[s] {
				eps = append(eps, r.lookup(d)...)
			}
			results <- res{svc: s, eps: eps}
		}(s)
	}

	plan := make(map[string][]Endpoint, len(services))
	for range services {
		x := <-results
		plan[x.svc] = x.eps
	}
	return plan
}
