package raftlite

type membersAPI struct {
	c *Cluster
}

func newMembersAPI(c *Cluster) MembersAPI {
	return &membersAPI{c: c}
}

func (a *membersAPI) List() []Member {
	return a.c.snapshot()
}

func (a *membersAPI) Voters() int {
	n := 0
	for _, m := range a.c.snapshot() {
		if !m.Learner {
			n++
		}
	}
	return n
}
