using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Flows;

/// <summary>
/// One flow the catalog names between roles, for one pair of servers and one firewall profile: whether the
/// destination's rules admit it, for every address of the source (<see cref="Address"/> is the first one they do not
/// admit, or the first one), and what decides it.
/// </summary>
public sealed record FlowResult(
    string EntryId,
    string Flow,
    TransportProtocol Protocol,
    int Port,
    string Source,
    string Destination,
    NetworkProfiles FirewallProfile,
    string Address,
    ConnectionOutcome Outcome,
    string DecidedBy)
{
    public bool Admitted => Outcome == ConnectionOutcome.Allowed;
}
