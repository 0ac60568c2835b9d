package driver

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/analyzers"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		ShortDescription     sarifText     `json:"shortDescription"`
		FullDescription      sarifText     `json:"fullDescription"`
		Help                 sarifText     `json:"help"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string            `json:"ruleId"`
		RuleIndex        int               `json:"ruleIndex"`
		Level            string            `json:"level"`
		Message          sarifText         `json:"message"`
		Locations        []sarifLocation   `json:"locations"`
		RelatedLocations []sarifLocation   `json:"relatedLocations,omitempty"`
		CodeFlows        []sarifCodeFlow   `json:"codeFlows,omitempty"`
		Fingerprints     map[string]string `json:"partialFingerprints,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifCodeFlow struct {
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}
	sarifThreadFlow struct {
		Locations []sarifFlowLocation `json:"locations"`
	}
	sarifFlowLocation struct {
		Location sarifLocation `json:"location"`
	}
)

const informationURI = "https://github.com/goconcheck/goconcheck"

// writeSARIF prints the report as one SARIF run: a rule per analyzer
// rule that has a finding, each finding a result with its related
// places and a code flow telling its story step by step.
func writeSARIF(w io.Writer, r *report, o *printOptions) error {
	fs := r.sorted()
	ruleIndex := make(map[string]int)
	var rules []sarifRule
	ids := make([]string, 0)
	for _, f := range fs {
		if _, ok := ruleIndex[f.Rule()]; !ok {
			ruleIndex[f.Rule()] = -1
			ids = append(ids, f.Rule())
		}
	}
	sort.Strings(ids)
	for i, id := range ids {
		ruleIndex[id] = i
		rules = append(rules, sarifRuleFor(id, o.analyzers))
	}
	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		res := sarifResult{
			RuleID:    f.Rule(),
			RuleIndex: ruleIndex[f.Rule()],
			Level:     "warning",
			Message:   sarifText{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalFor(f.Pos, f.End)}},
			// Code scanning tells results apart by this besides the
			// line, so a finding keeps its alert when lines move.
			Fingerprints: map[string]string{"goconcheck/v1": f.Rule() + ":" + f.Message},
		}
		for i, rel := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: sarifPhysicalFor(rel.Pos, rel.End), Message: &sarifText{rel.Message},
			})
		}
		if steps := f.Steps(); len(steps) > 1 {
			var tf sarifThreadFlow
			for _, s := range steps {
				msg := s.Message
				if s.Goroutine != "" {
					msg = s.Goroutine + ": " + msg
				}
				tf.Locations = append(tf.Locations, sarifFlowLocation{sarifLocation{
					PhysicalLocation: sarifPhysicalFor(s.Pos, s.End), Message: &sarifText{msg},
				}})
			}
			res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{tf}}}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:    sarifTool{sarifDriver{Name: "goconcheck", Version: o.version, InformationURI: informationURI, Rules: rules}},
			Results: results,
		}},
	}
	if log.Runs[0].Tool.Driver.Rules == nil {
		log.Runs[0].Tool.Driver.Rules = []sarifRule{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifRuleFor documents one rule: its own line from the suite's rule
// list, the analyzer's documentation, and its documentation URL.
func sarifRuleFor(id string, as []*analysis.Analyzer) sarifRule {
	name, category, _ := strings.Cut(id, "/")
	rule := sarifRule{ID: id, Name: strings.ReplaceAll(id, "/", "."), DefaultConfiguration: sarifRuleConf{"warning"}}
	var doc string
	for _, a := range as {
		if a.Name == name {
			doc = strings.TrimSpace(a.Doc)
			rule.HelpURI = a.URL
			if category != "" && a.URL != "" {
				rule.HelpURI += "#" + category
			}
		}
	}
	summary, _, _ := strings.Cut(doc, "\n\n")
	short := analyzers.RuleDoc(id)
	if short == "" {
		short = strings.Join(strings.Fields(summary), " ")
	}
	if short == "" {
		short = id
	}
	rule.ShortDescription = sarifText{short}
	if doc == "" {
		doc = short
	}
	rule.FullDescription = sarifText{doc}
	rule.Help = sarifText{doc}
	return rule
}

func sarifPhysicalFor(pos, end finding.Position) sarifPhysical {
	name := relPath(pos.File)
	art := sarifArtifact{URI: name}
	if filepath.IsAbs(filepath.FromSlash(name)) {
		art.URI = (&url.URL{Scheme: "file", Path: name}).String()
	} else {
		art.URI = (&url.URL{Path: name}).String()
		art.URIBaseID = "%SRCROOT%"
	}
	reg := sarifRegion{StartLine: max(pos.Line, 1), StartColumn: pos.Col}
	if end.File == pos.File && end.Line >= pos.Line && (end.Line > pos.Line || end.Col > pos.Col) {
		reg.EndLine, reg.EndColumn = end.Line, end.Col
	}
	return sarifPhysical{ArtifactLocation: art, Region: reg}
}
