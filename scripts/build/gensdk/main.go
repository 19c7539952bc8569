// gensdk writes the Python and Go SDKs of a Pulumi package from its schema with Pulumi's own code
// generators (the ones `pulumi package gen-sdk` calls). It exists because `gen-sdk` needs the
// Python and Go language hosts, which cannot be installed here; `npm run gen-sdks` builds and runs it.
//
// Usage: gensdk <schema.json> <out-dir>
//
// It writes <out-dir>/python and <out-dir>/go, nothing else. Output depends only on the schema and the
// generator version pinned in go.mod (no timestamps), so regenerating and diffing is a valid check.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// The header comment of every generated file names the tool that wrote it.
const tool = "pulumi-mailmanager-import-jobs gen-sdks"

// noDependencies is the schema loader: the package references no other package, so any lookup is a
// mistake in the schema and fails loudly (BindSpec panics on a nil loader).
type noDependencies struct{}

func (noDependencies) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q; gensdk resolves no dependencies", pkg)
}

func (noDependencies) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q; gensdk resolves no dependencies", d.Name)
}

func (noDependencies) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema references package %q; gensdk resolves no dependencies", pkg)
}

func (noDependencies) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema references package %q; gensdk resolves no dependencies", d.Name)
}

// bind parses and validates the schema; the generators take a bound package, and each needs its own
// (GeneratePackage imports its language's options into the package it is given).
func bind(schemaFile string) (*schema.Package, error) {
	raw, err := os.ReadFile(schemaFile)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaFile, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noDependencies{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", schemaFile, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s: %s", schemaFile, diags.Error())
	}
	return pkg, nil
}

// write puts files (relative path -> content) under dir, in a stable order.
func write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run(schemaFile, outDir string) error {
	pyPkg, err := bind(schemaFile)
	if err != nil {
		return err
	}
	pyFiles, err := pygen.GeneratePackage(tool, pyPkg, nil, noDependencies{})
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	if err := write(filepath.Join(outDir, "python"), pyFiles); err != nil {
		return err
	}

	goPkg, err := bind(schemaFile)
	if err != nil {
		return err
	}
	goFiles, err := gogen.GeneratePackage(tool, goPkg, nil)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	return write(filepath.Join(outDir, "go"), goFiles)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gensdk <schema.json> <out-dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "gensdk:", err)
		os.Exit(1)
	}
}
