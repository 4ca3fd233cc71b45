using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Export;

/// <summary>Turns a plan into one output format. Exporters are pure: text out, no I/O.</summary>
public interface IPlanExporter
{
    ExportFormat Format { get; }

    /// <param name="provenance">The command that makes this output again, for a script's header.</param>
    string Export(RulePlan plan, Provenance provenance);
}
