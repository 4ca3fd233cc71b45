using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Export;

/// <summary>Turns a plan into one output format. Exporters are pure: text out, no I/O.</summary>
public interface IPlanExporter
{
    ExportFormat Format { get; }

    string Export(RulePlan plan);
}
