using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>Small random inbound rule sets over a few ports and addresses, so ports, addresses and rules overlap often.</summary>
public static class RandomRules
{
    public static readonly int[] Ports = [80, 443, 5200, 5201, 6310, 8080];

    public static readonly string[] Sources = ["10.0.0.7", "10.0.0.200", "10.0.1.1", "192.0.2.9", "fd00::5", "2001:db8::1"];

    private static readonly string[] PortLists = ["80", "443", "5200", "5200-5201", "80,443,8080", "6000-7000", "Any", "RPC", "5200,RPC", "1-65535"];

    private static readonly string[][] AddressLists =
    [
        ["Any"], ["10.0.0.0/24"], ["10.0.0.7"], ["192.0.2.0/24", "fd00::/16"], ["LocalSubnet"], ["10.0.0.0/8", "LocalSubnet4"], ["2001:db8::/32"], ["DNS", "10.0.1.1"],
    ];

    public static List<StoredRule> Generate(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Rule(random, i))];

    public static IReadOnlyList<ProfileState> Profiles(Random random) =>
    [
        new(NetworkProfiles.Domain, Enabled: random.Next(8) > 0, random.Next(5) == 0 ? RuleAction.Allow : RuleAction.Block, random.Next(8) > 0, random.Next(3) > 0, Known: true),
        ProfileState.Default(NetworkProfiles.Private),
        new(NetworkProfiles.Public, Enabled: true, RuleAction.Block, AllowInboundRules: true, AllowLocalRules: random.Next(2) == 0, Known: true),
    ];

    public static IPAddress Source(Random random) => IPAddress.Parse(Sources[random.Next(Sources.Length)]);

    private static StoredRule Rule(Random random, int index) => new()
    {
        Id = random.Next(2) == 0 ? $"rule-{index}" : null,
        DisplayName = $"Rule {index}",
        Action = random.Next(10) switch { < 5 => RuleAction.Allow, < 9 => RuleAction.Block, _ => RuleAction.Bypass },
        Enabled = random.Next(6) > 0,
        Direction = random.Next(10) > 0 ? RuleDirection.Inbound : RuleDirection.Outbound,
        Protocol = random.Next(4) switch { 0 => IpProtocol.Any, 1 => IpProtocol.Udp, _ => IpProtocol.Tcp },
        LocalPorts = PortSet.Parse(PortLists[random.Next(PortLists.Length)].Split(',')),
        RemoteAddresses = AddressSet.Parse(AddressLists[random.Next(AddressLists.Length)]),
        Program = random.Next(5) == 0 ? @"C:\app\server.exe" : null,
        Profiles = (NetworkProfiles)random.Next(1, 8),
        Store = random.Next(3) == 0 ? RuleStore.Local : RuleStore.GroupPolicy,
        Location = $"line {index}",
    };
}
