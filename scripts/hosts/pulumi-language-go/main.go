// A minimal Pulumi language host for Go, for machines that cannot get the real one: the Go module of
// github.com/pulumi/pulumi/sdk/go/pulumi-language-go is not served by the module proxy we can reach,
// so scripts/env/ensure-pulumi-go builds this one beside the CLI that scripts/env/ensure-pulumi-cli
// builds. A normal Pulumi install ships the real host; this one runs programs the same way: `go build`
// of the program directory, then the binary with the engine's settings in PULUMI_* environment
// variables, which `pulumi.Run` reads. docs/SDKS.md lists what it does not do.
//
// Protocol: a gRPC LanguageRuntime server on 127.0.0.1; the port is the first line of stdout, the
// engine's address the last argument. RPCs not implemented here answer UNIMPLEMENTED.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

// What scripts/env/ensure-pulumi-go looks for in a binary to tell this host from the real one.
const marker = "minimal Pulumi language host for Go"

// The exit status of a program that reported its error to the engine itself (constant.ExitStatusLoggedError
// of the Go SDK): the engine must not add a second error.
const exitStatusLoggedError = 32

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.String("tracing", "", "ignored: accepted because the CLI may pass it")
	flag.Parse()
	if *showVersion {
		fmt.Println(hostVersion())
		return
	}
	engineAddress := ""
	if flag.NArg() > 0 {
		engineAddress = flag.Arg(flag.NArg() - 1)
	} else {
		fmt.Fprintf(os.Stderr, "pulumi-language-go (%s): launched without the engine's address, only for debugging\n", marker)
	}
	if err := serve(engineAddress); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-go: %v\n", err)
		os.Exit(1)
	}
}

// serve answers the engine until it stops the host (SIGINT, a normal end), or until the engine stops
// answering its health check (the CLI was killed), as the real host does.
func serve(engineAddress string) error {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("could not start the language host's gRPC server: %w", err)
	}
	server := grpc.NewServer()
	cancelCtx, cancel := context.WithCancel(context.Background())
	host := &goLanguageHost{engineAddress: engineAddress, cancelCtx: cancelCtx, cancelRun: cancel}
	pulumirpc.RegisterLanguageRuntimeServer(server, host)

	done, shutdown := signal.NotifyContext(context.Background(), os.Interrupt)
	defer shutdown()
	if engineAddress != "" {
		if err := watchEngine(done, engineAddress, shutdown); err != nil {
			return err
		}
	}
	go func() {
		<-done.Done()
		server.Stop()
	}()
	fmt.Printf("%d\n", listener.Addr().(*net.TCPAddr).Port)
	if err := server.Serve(listener); err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return fmt.Errorf("the language host's gRPC server stopped: %w", err)
	}
	return nil
}

// watchEngine asks the engine's health service every 5 minutes (the real host's period) and calls
// stop when it no longer answers.
func watchEngine(ctx context.Context, address string, stop context.CancelFunc) error {
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	health := healthpb.NewHealthClient(conn)
	go func() {
		defer conn.Close()
		ticker := time.NewTicker(5 * time.Minute)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				_, err := health.Check(ctx, &healthpb.HealthCheckRequest{})
				if err != nil && status.Code(err) != codes.Unimplemented {
					stop()
					return
				}
			}
		}
	}()
	return nil
}

// hostVersion is the version of the Go SDK this host was built with: the real host reports the CLI's
// version, and this one has none of its own.
func hostVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/pulumi/pulumi/sdk/v3" {
				return strings.TrimPrefix(dep.Version, "v")
			}
		}
	}
	return "0.0.0"
}

type goLanguageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	cancelCtx     context.Context // done once the engine has called Cancel
	cancelRun     context.CancelFunc
}

func (host *goLanguageHost) engine() string {
	host.mu.Lock()
	defer host.mu.Unlock()
	return host.engineAddress
}

func (host *goLanguageHost) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.GetEngineAddress() == "" {
		return nil, errors.New("Must contain address in request")
	}
	host.mu.Lock()
	host.engineAddress = req.GetEngineAddress()
	host.mu.Unlock()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (host *goLanguageHost) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: hostVersion()}, nil
}

// GetRequiredPlugins is answered UNIMPLEMENTED, as by the real host: the engine asks GetRequiredPackages.
func (host *goLanguageHost) GetRequiredPlugins(
	ctx context.Context, _ *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return nil, status.Errorf(codes.Unimplemented, "method GetRequiredPlugins not implemented")
}

// goMod is what `go mod edit -json` prints of a go.mod.
type goMod struct {
	Require []struct {
		Path     string
		Version  string
		Indirect bool
	}
	Replace []struct {
		Old struct{ Path string }
	}
}

// loadGoMod finds the go.mod of the program directory (which may be below the module's root) and
// reads it. Workspaces are off: `go list -m` would list every module of the workspace.
func loadGoMod(ctx context.Context, programDir string) (moduleDir string, mod *goMod, err error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.GoMod}}")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Dir = programDir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -m: %w", err)
	}
	path := string(bytes.TrimSpace(out))
	if path == "" || path == os.DevNull {
		return "", nil, fmt.Errorf("no go.mod file found: %v", programDir)
	}
	edit := exec.CommandContext(ctx, "go", "mod", "edit", "-json", path)
	edit.Stderr = os.Stderr
	out, err = edit.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go mod edit -json: %w", err)
	}
	mod = &goMod{}
	if err := json.Unmarshal(out, mod); err != nil {
		return "", nil, fmt.Errorf("go mod edit -json: %w", err)
	}
	return filepath.Dir(path), mod, nil
}

// moduleInfo is what `go list -m -json` and `go mod download -json` print of a module.
type moduleInfo struct {
	Path    string
	Version string
	Dir     string
}

// goJSON runs `go <args...>` in dir and decodes the stream of JSON objects it prints.
func goJSON(ctx context.Context, dir string, args ...string) ([]moduleInfo, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w", strings.Join(args[:2], " "), err)
	}
	var modules []moduleInfo
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var m moduleInfo
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("go %s: %w", strings.Join(args[:2], " "), err)
		}
		modules = append(modules, m)
	}
	return modules, nil
}

// moduleSources finds the source directory of each module: `go list -m -json`, then the vendor
// directory in vendor mode (where nothing can be downloaded), else `go mod download -json` for the
// modules not yet in the module cache. Modules whose source cannot be found are left out.
func moduleSources(ctx context.Context, moduleDir string, paths []string) ([]moduleInfo, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	modules, err := goJSON(ctx, moduleDir, append([]string{"list", "-m", "-json"}, paths...)...)
	if err != nil {
		return nil, err
	}
	vendor := filepath.Join(moduleDir, "vendor")
	_, vendorErr := os.Stat(vendor)
	var missing []string
	for i, m := range modules {
		if m.Dir != "" {
			continue
		}
		if vendorErr == nil {
			if _, err := os.Stat(filepath.Join(vendor, m.Path)); err == nil {
				modules[i].Dir = filepath.Join(vendor, m.Path)
			}
		} else {
			missing = append(missing, m.Path)
		}
	}
	if len(missing) > 0 {
		downloaded, err := goJSON(ctx, moduleDir, append([]string{"mod", "download", "-json"}, missing...)...)
		if err != nil {
			return nil, err
		}
		dirs := map[string]string{}
		for _, m := range downloaded {
			dirs[m.Path] = m.Dir
		}
		for i, m := range modules {
			if m.Dir == "" {
				modules[i].Dir = dirs[m.Path]
			}
		}
	}
	found := modules[:0]
	for _, m := range modules {
		if m.Dir != "" {
			found = append(found, m)
		}
	}
	return found, nil
}

type parameterizationJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Value   []byte `json:"value"`
}

// pluginJSON is a Pulumi package's pulumi-plugin.json.
type pluginJSON struct {
	Resource                  bool                  `json:"resource"`
	Name                      string                `json:"name"`
	Version                   string                `json:"version"`
	Server                    string                `json:"server"`
	Parameterization          *parameterizationJSON `json:"parameterization"`
	ExtensionParameterization *parameterizationJSON `json:"extensionParameterization"`
}

// readPluginJSON returns the module's pulumi-plugin.json, looked for where the real host looks: the
// module's root, go/, go/*/ and */ (a generated SDK keeps it beside its package), or nil without one.
func readPluginJSON(dir string) (*pluginJSON, error) {
	paths := []string{filepath.Join(dir, "pulumi-plugin.json"), filepath.Join(dir, "go", "pulumi-plugin.json")}
	for _, pattern := range []string{filepath.Join(dir, "go", "*", "pulumi-plugin.json"), filepath.Join(dir, "*", "pulumi-plugin.json")} {
		if matches, err := filepath.Glob(pattern); err == nil {
			paths = append(paths, matches...)
		}
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		plugin := &pluginJSON{}
		if err := json.Unmarshal(data, plugin); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return plugin, nil
	}
	return nil, nil
}

// A Go pseudo-version (cmd/go/internal/modfetch/pseudo.go): a commit without a tag.
var pseudoVersion = regexp.MustCompile(`^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)
var semverCore = regexp.MustCompile(`^v?(\d+)\.(\d+)\.(\d+)`)

// pluginVersion is the plugin version a module version stands for. A pseudo-version's patch number is
// one above the tag it follows, so the patch goes one down to name a release that exists.
func pluginVersion(version string) (string, error) {
	core := semverCore.FindStringSubmatch(version)
	if core == nil {
		return "", errors.New("module does not have semver compatible version")
	}
	if !pseudoVersion.MatchString(version) {
		return version, nil
	}
	major, minor, patch := core[1], core[2], core[3]
	if major == "0" && minor == "0" && patch == "0" {
		return "", errors.New("invalid pseudoversion with no prior tag")
	}
	p, _ := strconv.Atoi(patch)
	if p > 0 {
		p--
	}
	return fmt.Sprintf("v%s.%s.%d", major, minor, p), nil
}

// packageOf is the provider plugin a module's pulumi-plugin.json names, or an error when it names none.
func packageOf(m moduleInfo) (*pulumirpc.PackageDependency, error) {
	plugin, err := readPluginJSON(m.Dir)
	if err != nil {
		return nil, err
	}
	if plugin == nil || !plugin.Resource {
		return nil, errors.New("module is not a pulumi provider")
	}
	name := plugin.Name
	if name == "" {
		// github.com/pulumi/pulumi-aws/sdk/... => aws
		parts := strings.Split(m.Path, "/")
		if len(parts) < 3 || !strings.Contains(parts[2], "-") {
			return nil, fmt.Errorf("no plugin name in pulumi-plugin.json, and none in the module path %s", m.Path)
		}
		name = strings.SplitN(parts[2], "-", 2)[1]
	}
	version := m.Version
	if plugin.Version != "" {
		version = plugin.Version
	}
	version, err = pluginVersion(version)
	if err != nil {
		return nil, err
	}
	toProto := func(p *parameterizationJSON) *pulumirpc.PackageParameterization {
		if p == nil {
			return nil
		}
		return &pulumirpc.PackageParameterization{Name: p.Name, Version: p.Version, Value: p.Value}
	}
	return &pulumirpc.PackageDependency{
		Name:             name,
		Kind:             "resource",
		Version:          version,
		Server:           plugin.Server,
		Parameterization: toProto(plugin.Parameterization),
		Extension:        toProto(plugin.ExtensionParameterization),
	}, nil
}

// GetRequiredPackages names the provider plugins of the modules go.mod requires (their
// pulumi-plugin.json), so that the engine knows them before the program runs. Lenient, as the real
// host: a program outside Go modules, or modules whose source cannot be found, need no plugin here.
func (host *goLanguageHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	if _, err := exec.LookPath("go"); err != nil {
		return nil, fmt.Errorf("couldn't find go binary: %w", err)
	}
	moduleDir, mod, err := loadGoMod(ctx, req.GetInfo().GetProgramDirectory())
	if err != nil {
		return &pulumirpc.GetRequiredPackagesResponse{}, nil
	}
	paths := make([]string, 0, len(mod.Require))
	for _, r := range mod.Require {
		paths = append(paths, r.Path)
	}
	modules, err := moduleSources(ctx, moduleDir, paths)
	if err != nil {
		return &pulumirpc.GetRequiredPackagesResponse{}, nil
	}
	packages := []*pulumirpc.PackageDependency{}
	for _, m := range modules {
		if pkg, err := packageOf(m); err == nil {
			packages = append(packages, pkg)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// runtimeOptions are Pulumi.yaml's `runtime.options` this host knows.
type runtimeOptions struct {
	binary      string // a prebuilt program on PATH (or a path) to run instead of building one
	buildTarget string // where `go build` writes the program, kept after the run
}

func optionsOf(info *pulumirpc.ProgramInfo) (runtimeOptions, error) {
	var opts runtimeOptions
	values := info.GetOptions().AsMap()
	for key, target := range map[string]*string{"binary": &opts.binary, "buildTarget": &opts.buildTarget} {
		if value, ok := values[key]; ok {
			s, isString := value.(string)
			if !isString {
				return opts, fmt.Errorf("%s option must be a string", key)
			}
			*target = s
		}
	}
	if opts.binary != "" && opts.buildTarget != "" {
		return opts, errors.New("binary and buildTarget cannot both be specified")
	}
	return opts, nil
}

// programEnv is the environment of the program: this host's, plus the run's settings under the names
// `pulumi.Run` reads (sdk/go/pulumi/run.go: EnvOrganization, EnvProject, ...), each only when set.
func (host *goLanguageHost) programEnv(req *pulumirpc.RunRequest) ([]string, error) {
	env := os.Environ()
	set := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	config := ""
	if req.GetConfig() != nil {
		data, err := json.Marshal(req.GetConfig())
		if err != nil {
			return nil, err
		}
		config = string(data)
	}
	secretKeys := "[]"
	if req.GetConfigSecretKeys() != nil {
		data, err := json.Marshal(req.GetConfigSecretKeys())
		if err != nil {
			return nil, err
		}
		secretKeys = string(data)
	}
	set("PULUMI_ORGANIZATION", req.GetOrganization())
	set("PULUMI_PROJECT", req.GetProject())
	set("PULUMI_ROOT_DIRECTORY", req.GetInfo().GetRootDirectory())
	set("PULUMI_STACK", req.GetStack())
	set("PULUMI_CONFIG", config)
	set("PULUMI_CONFIG_SECRET_KEYS", secretKeys)
	set("PULUMI_DRY_RUN", strconv.FormatBool(req.GetDryRun()))
	set("PULUMI_PARALLEL", strconv.Itoa(int(req.GetParallel())))
	set("PULUMI_MONITOR", req.GetMonitorAddress())
	set("PULUMI_ENGINE", host.engine())
	return env, nil
}

// logToEngine shows an ephemeral line on the engine's display, as the real host does around the build.
func logToEngine(ctx context.Context, engine pulumirpc.EngineClient, message string) {
	if engine != nil {
		_, _ = engine.Log(ctx, &pulumirpc.LogRequest{Severity: pulumirpc.LogSeverity_INFO, Message: message, Ephemeral: true})
	}
}

// compile builds the program directory with `go build` into outfile, or into a temp file when outfile
// is empty, with the real host's flags. The compiler's messages go to stderr, which the engine shows.
func compile(ctx context.Context, engine pulumirpc.EngineClient, programDir, outfile string) (string, error) {
	logToEngine(ctx, engine, "Compiling the program ...")
	pattern := filepath.Join(programDir, "*.go")
	if matches, err := filepath.Glob(pattern); err != nil || len(matches) == 0 {
		return "", fmt.Errorf("Failed to find go files for 'go build' matching %s", pattern)
	}
	if outfile == "" {
		f, err := os.CreateTemp("", "pulumi-go.*")
		if err != nil {
			return "", fmt.Errorf("unable to create go program temp file: %w", err)
		}
		if err := f.Close(); err != nil {
			return "", fmt.Errorf("unable to close go program temp file: %w", err)
		}
		outfile = f.Name()
	}
	build := exec.CommandContext(ctx, "go", "build", "-buildvcs=false", "-o", outfile, "-trimpath", "-ldflags", "-w -s")
	build.Dir = programDir
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("unable to run `go build`: %w", err)
	}
	if info, err := os.Stat(outfile); err != nil || info.Mode()&0o111 == 0 {
		return "", errors.New("go program is not executable, does your program have a 'main' package?")
	}
	logToEngine(ctx, engine, "Finished compiling")
	return outfile, nil
}

// runProgram runs the built program until it exits, or until ctx ends (the engine's Cancel or the end
// of the Run call): then SIGINT, and SIGKILL 5 s later, as the real host. Exit status 0 is success, 32
// means the program reported its error itself (bail: the engine adds none), anything else an error.
func runProgram(ctx context.Context, bin, pwd string, env []string) *pulumirpc.RunResponse {
	cmd := exec.CommandContext(ctx, bin)
	cmd.Dir = pwd
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("command errored unexpectedly: %v", err)}
	}
	waitStatus, ok := exitErr.Sys().(syscall.WaitStatus)
	if !ok {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited unexpectedly: %v", err)}
	}
	code := waitStatus.ExitStatus()
	if code == exitStatusLoggedError {
		return &pulumirpc.RunResponse{Bail: true}
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", code)}
}

func (host *goLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	address := host.engine()
	if address == "" {
		return nil, errors.New("when debugging or running explicitly, must call Handshake before Run")
	}
	if req.GetAttachDebugger() {
		return nil, errors.New("this minimal Go language host cannot attach a debugger")
	}
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	engine := pulumirpc.NewEngineClient(conn)

	opts, err := optionsOf(req.GetInfo())
	if err != nil {
		return nil, err
	}
	env, err := host.programEnv(req)
	if err != nil {
		return nil, fmt.Errorf("failed to prepare environment: %w", err)
	}
	runCtx, cancel := context.WithCancel(host.cancelCtx)
	defer cancel()
	context.AfterFunc(ctx, cancel)

	if opts.binary != "" {
		bin, err := exec.LookPath(opts.binary)
		if err != nil {
			return nil, fmt.Errorf("unable to find '%s' executable: %w", opts.binary, err)
		}
		return runProgram(runCtx, bin, req.GetPwd(), env), nil
	}
	program, err := compile(ctx, engine, req.GetInfo().GetProgramDirectory(), opts.buildTarget)
	if err != nil {
		return nil, fmt.Errorf("error in compiling Go: %w", err)
	}
	if opts.buildTarget == "" {
		defer os.Remove(program)
	}
	return runProgram(runCtx, program, req.GetPwd(), env), nil
}

// Cancel stops the running program (see runProgram); programs started afterwards are stopped at once.
func (host *goLanguageHost) Cancel(ctx context.Context, _ *emptypb.Empty) (*emptypb.Empty, error) {
	host.cancelRun()
	return &emptypb.Empty{}, nil
}

// streamWriter sends what is written to it as the stdout or stderr of InstallDependencies responses.
type streamWriter struct {
	mu     *sync.Mutex
	server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]
	stderr bool
}

func (w streamWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	chunk := append([]byte(nil), p...)
	res := &pulumirpc.InstallDependenciesResponse{Stdout: chunk}
	if w.stderr {
		res = &pulumirpc.InstallDependenciesResponse{Stderr: chunk}
	}
	if err := w.server.Send(res); err != nil {
		return 0, err
	}
	return len(p), nil
}

// InstallDependencies runs `go mod tidy`, as the real host does.
func (host *goLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	var mu sync.Mutex
	var stdout, stderr io.Writer = streamWriter{&mu, server, false}, streamWriter{&mu, server, true}
	fmt.Fprint(stdout, "Installing dependencies...\n\n")
	tidy := exec.CommandContext(server.Context(), "go", "mod", "tidy", "-compat=1.18")
	tidy.Dir = req.GetInfo().GetProgramDirectory()
	tidy.Stdout, tidy.Stderr = stdout, stderr
	if err := tidy.Run(); err != nil {
		return fmt.Errorf("`go mod tidy` failed to install dependencies: %w", err)
	}
	fmt.Fprint(stdout, "Finished installing dependencies\n\n")
	return nil
}

func (host *goLanguageHost) RuntimeOptionsPrompts(
	ctx context.Context, _ *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (host *goLanguageHost) Template(
	ctx context.Context, _ *pulumirpc.TemplateRequest,
) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}

func (host *goLanguageHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("could not find executable 'go': %w", err)
	}
	out, err := exec.CommandContext(ctx, gobin, "version").Output()
	if err != nil {
		return nil, errors.New("failed to execute 'go version'")
	}
	return &pulumirpc.AboutResponse{Executable: gobin, Version: strings.TrimSpace(string(out))}, nil
}

// GetProgramDependencies lists the modules go.mod requires (direct ones unless transitive ones are
// asked for); a module replaced by a local copy has no version.
func (host *goLanguageHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	_, mod, err := loadGoMod(ctx, req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, fmt.Errorf("load go.mod: %w", err)
	}
	replaced := map[string]bool{}
	for _, r := range mod.Replace {
		replaced[strings.TrimRight(r.Old.Path, "/")] = true
	}
	deps := []*pulumirpc.DependencyInfo{}
	for _, r := range mod.Require {
		if r.Indirect && !req.GetTransitiveDependencies() {
			continue
		}
		version := r.Version
		if replaced[strings.TrimRight(r.Path, "/")] {
			version = ""
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: r.Path, Version: version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}
