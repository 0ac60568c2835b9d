package raftlite

import (
	"sort"
	"sync"
)

type Member struct {
	ID      uint64
	PeerURL string
	Learner bool
}

type MembersAPI interface {
	List() []Member
	Voters() int
}

type Cluster struct {
	mu      sync.RWMutex
	members map[uint64]*Member
	leader  uint64
	api     MembersAPI
}

func NewCluster() *Cluster {
	c := &Cluster{members: map[uint64]*Member{}}
	c.api = newMembersAPI(c)
	return c
}

func (c *Cluster) snapshot() []Member {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]Member, 0, len(c.members))
	for _, m := range c.members {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (c *Cluster) Promote(id uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.members[id]
	if !ok || !m.Learner {
		return false
	}
	m.Learner = false
	if c.leader == 0 {
		for _, v := range c.api.List() {
			if !v.Learner {
				c.leader = v.ID
				break
			}
		}
	}
	return true
}

func (c *Cluster) Add(m Member) {
	c.mu.Lock()
	c.members[m.ID] = &m
	c.mu.Unlock()
}
