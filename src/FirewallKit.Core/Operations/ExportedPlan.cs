using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Operations;

/// <summary>
/// An export's text, the plan's hash for the log, and its warnings, which the user must see even when the text goes to a
/// file. A binary or many-file format (<see cref="Export.ExportFormat.RegistryPol"/>, <see cref="Export.ExportFormat.GpoBackup"/>)
/// has no text but <see cref="Files"/>.
/// </summary>
public sealed record ExportedPlan(string Content, string PlanHash, IReadOnlyList<PlanWarning> Warnings)
{
    public IReadOnlyList<Export.ExportFile> Files { get; init; } = [];
}
