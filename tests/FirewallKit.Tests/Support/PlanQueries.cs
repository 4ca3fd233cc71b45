using System.Net;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>Questions tests ask of a plan; whether a connection gets through is the one evaluator's answer (<see cref="FirewallEvaluator"/>).</summary>
public static class PlanQueries
{
    /// <summary>The row that decides the port for the protocol: its own, or a closed row that covers both protocols.</summary>
    public static PortDecision Port(this RulePlan plan, int port, TransportProtocol protocol = TransportProtocol.Tcp) =>
        plan.Ports.Single(p => p.Port.Equals(Core.Ports.PortSet.Of(port)) && (p.Protocol is null || p.Protocol == protocol));

    /// <summary>
    /// Whether a connection from <paramref name="from"/> to the port certainly gets through the planned rules, as the
    /// one evaluator of Windows' decision answers it, in the first firewall profile the plan writes rules for.
    /// </summary>
    public static bool Admits(this RulePlan plan, int port, string from, TransportProtocol protocol = TransportProtocol.Tcp) =>
        FirewallEvaluator.Of(plan.Rules).Evaluate(new ConnectionQuery(IPAddress.Parse(from), port, protocol), FirstProfile(plan)).IsAllowed;

    private static NetworkProfiles FirstProfile(RulePlan plan)
    {
        var covered = plan.Rules.Aggregate(NetworkProfiles.None, (all, rule) => all | rule.Profiles);
        return new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public }.FirstOrDefault(p => (covered & p) != 0, NetworkProfiles.Domain);
    }

    public static IReadOnlyList<FirewallRule> RulesFor(this RulePlan plan, int port, TransportProtocol protocol = TransportProtocol.Tcp) =>
        plan.Rules.Where(r => r.Protocol == protocol && r.LocalPorts.Contains(port)).ToList();
}
