// compose-check: the configuration check of docker-compose.yml by a real compose implementation
// (compose-spec/compose-go, the library the docker compose CLI itself is built on), with no Docker installed.
// It loads the file as `docker compose config` does (schema validation, interpolation from the environment and
// .env, profiles, merge, normalisation, depends_on and volume checks) and prints the resolved model as JSON,
// which the JUnit test of deploy/cdk (ComposeFileTest) reads.
//
// usage: go run . [-profiles p1,p2] path/to/docker-compose.yml > resolved.json
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	profiles := flag.String("profiles", "*", "comma-separated profiles to enable (* = all)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: compose-check [-profiles p1,p2] docker-compose.yml")
		os.Exit(2)
	}
	file, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	opts, err := cli.NewProjectOptions(
		[]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithName("cdp"),
		cli.WithProfiles(strings.Split(*profiles, ",")),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	out, err := project.MarshalJSON()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
	fmt.Fprintf(os.Stderr, "compose-check: %s is valid: %d services, %d volumes, profiles %v\n",
		filepath.Base(file), len(project.Services), len(project.Volumes), project.Profiles)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "compose-check: invalid: %v\n", err)
	os.Exit(1)
}
