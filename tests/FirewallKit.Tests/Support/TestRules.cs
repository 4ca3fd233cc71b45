using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>Small rules in fwkit's default group and prefix, for tests that do not need a whole plan.</summary>
public static class TestRules
{
    public const string Group = "PrinterOn Firewall (fwkit)";
    public const string Prefix = "fwkit-printeron";

    public static readonly RuleOwnership Ownership = new(Group, Prefix);

    public static FirewallRule Allow(string suffix, int port, params string[] addresses) =>
        Rule(suffix, RuleAction.Allow, port, addresses.Length == 0 ? ["Any"] : addresses);

    public static FirewallRule Block(string suffix, int port, params string[] addresses) =>
        Rule(suffix, RuleAction.Block, port, addresses.Length == 0 ? ["Any"] : addresses);

    public static FirewallRule Rule(string suffix, RuleAction action, int port, string[] addresses, string group = Group) => new()
    {
        Name = $"{Prefix}-{suffix}",
        DisplayName = $"Test rule {suffix} (TCP {port})",
        Description = $"A test rule for port {port}. Managed by fwkit.",
        Group = group,
        Action = action,
        Protocol = TransportProtocol.Tcp,
        LocalPorts = PortSet.Of(port),
        RemoteAddresses = AddressSet.Parse(addresses),
        Profiles = NetworkProfiles.Domain | NetworkProfiles.Private,
    };

    /// <summary>A rule of someone else: another group, another prefix.</summary>
    public static FirewallRule Foreign(string name, string group = "Remote Desktop") => new()
    {
        Name = name,
        DisplayName = name,
        Description = "Not fwkit's.",
        Group = group,
        Action = RuleAction.Allow,
        Protocol = TransportProtocol.Tcp,
        LocalPorts = PortSet.Of(3389),
        RemoteAddresses = AddressSet.Any,
        Profiles = NetworkProfiles.All,
    };
}
