package meshrouter

type hostResolver struct {
	r *Router
}

func newHostResolver(r *Router) Resolver {
	return &hostResolver{r: r}
}

func (h *hostResolver) Resolve(host string) (string, bool) {
	if up, ok := h.r.upstreamFor(host); ok {
		return up, true
	}
	if h.r.defaults != "" && h.r.probe(h.r.defaults) {
		return h.r.defaults, true
	}
	return "", false
}
