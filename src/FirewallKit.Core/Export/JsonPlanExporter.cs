using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Export;

/// <summary>The plan as its JSON contract, written by <see cref="PlanContract"/>; the contract has no header, so no provenance.</summary>
public sealed class JsonPlanExporter : IPlanExporter
{
    public ExportFormat Format => ExportFormat.Json;

    public string Export(RulePlan plan) => PlanContract.Write(plan);

    string IPlanExporter.Export(RulePlan plan, Provenance provenance) => Export(plan);
}
