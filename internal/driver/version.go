package driver

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// moduleVersion is goconcheck's module version from the build info:
// a release (go install ...@v1.2.3), a pseudo-version derived from the
// checkout, or "(devel)".
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// versionLine is what `goconcheck version` and -V print: the module
// version, and the VCS revision, time and state the go command stamped
// into a binary built in a checkout.
func versionLine() string {
	line := fmt.Sprintf("%s version %s", progName(), moduleVersion())
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return line + " " + runtime.Version()
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" {
		line += " (revision " + rev
		if when != "" {
			line += ", " + when
		}
		if modified {
			line += ", modified"
		}
		line += ")"
	}
	return line + " " + bi.GoVersion
}
