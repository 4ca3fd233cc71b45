using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>
/// A broad allow rule of someone else's (every port, every address, every profile), as a product's
/// installer may leave: the plan's promises must hold beside it, because Windows lets any allow rule in
/// unless a block rule matches.
/// </summary>
public static class ForeignAllowAll
{
    public static readonly IReadOnlyList<FirewallRule> Rules = [Rule(TransportProtocol.Tcp), Rule(TransportProtocol.Udp)];

    /// <summary>The plan's rules plus the foreign allow-all, evaluated as Windows does.</summary>
    public static FirewallEvaluator Beside(IEnumerable<FirewallRule> planned) => FirewallEvaluator.Of([.. planned, .. Rules]);

    /// <summary>Whether <paramref name="from"/> gets through to the port beside a foreign allow-all.</summary>
    public static bool ReachesBesideAllowAll(this RulePlan plan, int port, string from, TransportProtocol protocol = TransportProtocol.Tcp, NetworkProfiles profile = NetworkProfiles.Domain) =>
        Beside(plan.Rules).Evaluate(new ConnectionQuery(System.Net.IPAddress.Parse(from), port, protocol), profile).IsAllowed;

    private static FirewallRule Rule(TransportProtocol protocol) => new()
    {
        Name = "installer-allow-all-" + protocol.ToString().ToLowerInvariant(),
        DisplayName = "Some product (allow all)",
        Group = "Some product",
        Action = RuleAction.Allow,
        Protocol = protocol,
        LocalPorts = PortSet.Any,
        RemoteAddresses = AddressSet.Any,
        Profiles = NetworkProfiles.All,
    };
}
