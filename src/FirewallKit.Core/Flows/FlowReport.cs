using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Flows;

/// <summary>
/// Every flow between the deployment's servers and whether each destination admits it; <see cref="RulesFrom"/>
/// says, by host, whether its rules are its plan or a file (<c>--rules HOST=FILE</c>).
/// </summary>
public sealed record FlowReport(string ProfileName, ValueList<string> Hosts, ValueMap<string, string> RulesFrom, ValueList<FlowResult> Flows)
{
    /// <summary>The version of the JSON contract (<see cref="FlowContract"/>); bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.flows/1";

    public bool AllAdmitted => Flows.All(f => f.Admitted);
}
