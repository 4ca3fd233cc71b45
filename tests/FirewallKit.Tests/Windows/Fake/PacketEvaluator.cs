using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>One inbound packet, as the firewall's filters see it.</summary>
public sealed record Packet(int Protocol, int LocalPort, IPAddress Remote, int Profile, string Program)
{
    public override string ToString() => $"proto {Protocol} port {LocalPort} from {Remote} profile {Profile} program {Program}";
}

/// <summary>
/// Decides packets against a store's rule records the way Windows documents it: an enabled
/// inbound block rule that matches wins; else an enabled allow rule that matches admits; else the
/// default inbound action. A rule matches when every condition does (protocol, local ports,
/// remote addresses, profiles, program). Conditions it does not model (keywords, services,
/// interfaces, ...) throw, so a test cannot pass by ignoring them. It is kept apart from
/// FirewallEvaluator on purpose: it reads the fake store's COM records, not fwkit's typed rules, so it
/// is an independent oracle that catches a mistake the one evaluator and its callers would share.
/// </summary>
public sealed class PacketEvaluator(bool defaultAllow = false)
{
    private readonly Dictionary<ComRuleRecord, Conditions> _parsed = new(ReferenceEqualityComparer.Instance);

    public bool Admits(IReadOnlyList<ComRuleRecord> rules, Packet packet)
    {
        var allowed = defaultAllow;
        foreach (var rule in rules)
        {
            if (!rule.Enabled || rule.Direction != 1 || !Parse(rule).Matches(packet))
            {
                continue;
            }

            if (rule.Action == 0)
            {
                return false;
            }

            allowed = true;
        }

        return allowed;
    }

    private Conditions Parse(ComRuleRecord rule)
    {
        if (!_parsed.TryGetValue(rule, out var conditions))
        {
            conditions = Conditions.Of(rule);
            _parsed[rule] = conditions;
        }

        return conditions;
    }

    private sealed record Conditions(int Protocol, PortSet LocalPorts, AddressSet Remote, int Profiles, string? Program)
    {
        public static Conditions Of(ComRuleRecord rule)
        {
            Unmodelled(rule.ServiceName, "service");
            Unmodelled(rule.LocalAddresses is "*" ? null : rule.LocalAddresses, "local addresses");
            Unmodelled(rule.RemotePorts is "*" ? null : rule.RemotePorts, "remote ports");
            Unmodelled(rule.Interfaces is null ? null : "set", "interfaces");
            Unmodelled(rule.InterfaceTypes is "All" ? null : rule.InterfaceTypes, "interface types");
            var remote = rule.RemoteAddresses is null or "*" ? AddressSet.Any : AddressSet.ParseList(rule.RemoteAddresses);
            if (remote.HasKeywords)
            {
                throw new NotSupportedException($"rule {rule.Name}: address keywords are not modelled");
            }

            return new Conditions(
                rule.Protocol,
                rule.LocalPorts is null or "*" ? PortSet.Any : PortSet.Parse(rule.LocalPorts.Split(',')),
                remote,
                rule.Profiles,
                rule.ApplicationName);
        }

        public bool Matches(Packet packet) =>
            (Protocol == 256 || Protocol == packet.Protocol)
            && LocalPorts.Contains(packet.LocalPort)
            && Remote.Contains(packet.Remote)
            && (Profiles & packet.Profile) != 0
            && (Program is null || string.Equals(Program, packet.Program, StringComparison.OrdinalIgnoreCase));

        private static void Unmodelled(string? value, string what)
        {
            if (!string.IsNullOrEmpty(value))
            {
                throw new NotSupportedException($"{what} ('{value}') are not modelled");
            }
        }
    }
}
