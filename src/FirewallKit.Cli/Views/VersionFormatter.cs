using FirewallKit.Core.Catalog;

namespace FirewallKit.Cli.Views;

/// <summary>
/// <c>fwkit --version</c>: the tool's version, the commit it was built from and the catalog it carries, which is
/// what a support case needs. The commit comes from the assembly's informational version ("0.1.0+&lt;commit&gt;"),
/// which the SDK stamps from git at build time; a build outside a git checkout has none and says so.
/// </summary>
public static class VersionFormatter
{
    private const int ShortCommit = 12;

    public static string Text(string informationalVersion, PortCatalog catalog)
    {
        var (version, commit) = Parts(informationalVersion);
        var commitLine = commit is null
            ? "commit   unknown (built outside a git checkout; build with -p:SourceRevisionId=<commit> to record it)"
            : $"commit   {commit}";
        return $"fwkit {version}\n{commitLine}\ncatalog  {catalog.Id} {catalog.CatalogVersion} ({catalog.Product}, embedded)\n";
    }

    /// <summary>"0.1.0+4dce20e7…" as the version and the short commit; the commit is null for a build outside git.</summary>
    public static (string Version, string? Commit) Parts(string informationalVersion)
    {
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        var commit = plus < 0 ? string.Empty : informationalVersion[(plus + 1)..];
        return (plus < 0 ? informationalVersion : informationalVersion[..plus], commit.Length == 0 ? null : commit[..Math.Min(ShortCommit, commit.Length)]);
    }
}
