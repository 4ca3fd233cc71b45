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
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informationalVersion : informationalVersion[..plus];
        var commit = plus < 0 ? string.Empty : informationalVersion[(plus + 1)..];
        var commitLine = commit.Length == 0
            ? "commit   unknown (built outside a git checkout; build with -p:SourceRevisionId=<commit> to record it)"
            : $"commit   {commit[..Math.Min(ShortCommit, commit.Length)]}";
        return $"fwkit {version}\n{commitLine}\ncatalog  {catalog.Id} {catalog.CatalogVersion} ({catalog.Product}, embedded)\n";
    }
}
