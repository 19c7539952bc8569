// Where the package lives and what each language calls it: derived once from package.json, used by
// the schema (generateSchema.ts), the SDK generator (genSdks.ts) and the release (releaseDryRun.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_NAME } from "../../provider/plugin/tokens";

export const ROOT = join(__dirname, "..", "..");

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  description: string;
  homepage?: string;
  repository?: { url?: string };
};

/** The one version of the npm package, the plugin, the Python SDK and the Go SDK's tag. */
export const VERSION: string = pkg.version;
export const DESCRIPTION: string = pkg.description;

/** https://github.com/owner/name, from package.json's `repository`. */
export const REPOSITORY = String(pkg.repository?.url ?? "")
  .replace(/^git\+/, "")
  .replace(/\.git$/, "");
const repositoryParts = /^https:\/\/github\.com\/([^/]+)\/([^/]+)$/.exec(REPOSITORY);
if (!repositoryParts) {
  throw new Error(`package.json repository.url must be a GitHub URL, got "${pkg.repository?.url}"`);
}
/** The GitHub owner: the publisher, and where `pluginDownloadURL` looks for releases. */
export const GITHUB_OWNER = repositoryParts[1];
export const HOMEPAGE = pkg.homepage ?? REPOSITORY;

/**
 * Where the engine downloads the plugin when a program needs it: the GitHub releases of
 * `<owner>/pulumi-<package>` (the repository name the engine derives from the package name), asset
 * `pulumi-resource-<package>-v<version>-<os>-<arch>.tar.gz`.
 */
export const PLUGIN_DOWNLOAD_URL = `github://api.github.com/${GITHUB_OWNER}`;
if (!REPOSITORY.endsWith(`/pulumi-${PACKAGE_NAME}`)) {
  throw new Error(
    `the engine looks for releases in ${GITHUB_OWNER}/pulumi-${PACKAGE_NAME}, but the repository is ${REPOSITORY}`,
  );
}

/** The logo the Pulumi registry shows: docs/logo.svg on the default branch. */
export const LOGO_URL = `https://raw.githubusercontent.com/${GITHUB_OWNER}/${repositoryParts[2]}/main/docs/logo.svg`;

/** Python distribution and import name: what `pip install` and `import` use. */
export const PYTHON_PACKAGE = "pulumi_mailmanager_import_jobs";
/** Go module (the sdk/go directory of the repository) and the package users import. */
export const GO_MODULE = `${REPOSITORY.replace(/^https:\/\//, "")}/sdk/go`;
export const GO_IMPORT = `${GO_MODULE}/mailmanagerimportjobs`;
/** The tag that makes `go get <GO_MODULE>@v<version>` work: a module in a sub-directory is tagged with its path. */
export const GO_TAG = `sdk/go/v${VERSION}`;

/** The plugin executable's name, and its release tarball's for one platform (`linux-amd64`, ...). */
export const PLUGIN_EXECUTABLE = `pulumi-resource-${PACKAGE_NAME}`;
export const pluginTarballName = (platform: string, version = VERSION): string =>
  `${PLUGIN_EXECUTABLE}-v${version}-${platform}.tar.gz`;
