using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>
/// One export of <c>export --per-role</c>: the file (or, for a GPO backup, the folder) it goes to, the role set it serves,
/// the hosts that run exactly that set. A text export is <see cref="Content"/>; a binary one or a folder is <see cref="Files"/>,
/// relative to <see cref="FileName"/> (one file with an empty path for a single binary file).
/// </summary>
public sealed record RoleArtefact(string FileName, ValueList<string> Roles, ValueList<string> Hosts, string Content, string PlanHash)
{
    public IReadOnlyList<ExportFile> Files { get; init; } = [];
}
