using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Tests.Apply;

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

    public static FirewallRule Rule(string suffix, RuleAction action, int port, string[] addresses, string group = Group) => new(
        $"{Prefix}-{suffix}",
        $"Test rule {suffix} (TCP {port})",
        $"A test rule for port {port}.",
        group,
        RuleDirection.Inbound,
        action,
        TransportProtocol.Tcp,
        [port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        addresses,
        FirewallProfiles.Domain | FirewallProfiles.Private,
        Enabled: true);

    /// <summary>A rule of someone else: another group, another prefix.</summary>
    public static FirewallRule Foreign(string name, string group = "Remote Desktop") => new(
        name, name, "Not fwkit's.", group, RuleDirection.Inbound, RuleAction.Allow, TransportProtocol.Tcp, ["3389"], ["Any"], FirewallProfiles.All, Enabled: true);
}
