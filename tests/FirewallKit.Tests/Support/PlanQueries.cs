using System.Net;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>Questions tests ask of a plan, answered the way Windows evaluates rules: block beats allow, then default block.</summary>
public static class PlanQueries
{
    /// <summary>The row that decides the port for the protocol: its own, or a closed row that covers both protocols.</summary>
    public static PortDecision Port(this RulePlan plan, int port, TransportProtocol protocol = TransportProtocol.Tcp) =>
        plan.Ports.Single(p => p.Port.Equals(Core.Ports.PortSet.Of(port)) && (p.Protocol is null || p.Protocol == protocol));

    /// <summary>Whether a connection from <paramref name="from"/> to the port gets through the planned rules.</summary>
    public static bool Admits(this RulePlan plan, int port, string from, TransportProtocol protocol = TransportProtocol.Tcp)
    {
        var address = IPAddress.Parse(from);
        var matching = plan.Rules
            .Where(r => r.Protocol == protocol && r.LocalPorts.Contains(port))
            .Where(r => r.RemoteAddresses.Contains(address))
            .ToList();
        if (matching.Any(r => r.Action == RuleAction.Block))
        {
            return false;
        }

        return matching.Any(r => r.Action == RuleAction.Allow);
    }

    public static IReadOnlyList<FirewallRule> RulesFor(this RulePlan plan, int port, TransportProtocol protocol = TransportProtocol.Tcp) =>
        plan.Rules.Where(r => r.Protocol == protocol && r.LocalPorts.Contains(port)).ToList();
}
