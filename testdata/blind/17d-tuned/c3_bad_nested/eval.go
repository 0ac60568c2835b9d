package featureflags

import "slices"

func (f *Flags) Enabled(name string) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.rules[name].Enabled
}

func (f *Flags) EnabledFor(name, tenant string) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	r, ok := f.rules[name]
	if !ok || !r.Enabled {
		return false
	}
	if len(r.Tenants) == 0 {
		return true
	}
	return slices.Contains(r.Tenants, tenant)
}

func (f *Flags) ActiveFor(tenant string) []string {
	f.mu.RLock()
	defer f.mu.RUnlock()
	var out []string
	for name := range f.rules {
		if f.EnabledFor(name, tenant) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
