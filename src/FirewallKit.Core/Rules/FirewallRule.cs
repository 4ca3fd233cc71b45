using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Rules;

/// <summary>
/// One Windows Firewall rule, in typed values; text is made only where a rule is written out (the
/// plan contract, the exporters, the COM mapping). <see cref="Name"/> is the stable rule ID
/// (PowerShell <c>-Name</c>): the same inputs always give the same names. Two rules are equal when
/// they mean the same: their sets are normalised, and line endings in the description do not count
/// (Windows may hand back CRLF where LF was written).
/// </summary>
public sealed record FirewallRule
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = string.Empty;

    public required string Group { get; init; }

    public RuleDirection Direction { get; init; } = RuleDirection.Inbound;

    public required RuleAction Action { get; init; }

    public required TransportProtocol Protocol { get; init; }

    public required PortSet LocalPorts { get; init; }

    public required AddressSet RemoteAddresses { get; init; }

    public required NetworkProfiles Profiles { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Conditions a rule store holds beyond the planned fields (a program, a service, local addresses,
    /// remote ports, interfaces, edge traversal, ICMP types, authorised users, ...), keyed by their
    /// <see cref="RuleFields.Conditions"/> name, valued as that field reads them. A planned rule has none,
    /// so any found on an owned rule is drift that apply resets; they are kept so a rollback can put them back.
    /// </summary>
    public ValueMap<string, string> ExtraFields { get; init; } = NoExtraFields;

    private static ValueMap<string, string> NoExtraFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The fields of <paramref name="other"/> that differ from this rule, through <see cref="RuleFields"/>:
    /// planned fields in contract order, then conditions by name.
    /// </summary>
    public IReadOnlyList<string> Differences(FirewallRule other)
    {
        var mine = ToStored();
        var theirs = other.ToStored();
        return
        [
            .. RuleFields.Planned.Where(field => !field.Same(mine, theirs)).Select(field => field.Name),
            .. RuleFields.Conditions.Where(field => !field.Same(mine, theirs)).Select(field => field.Name).Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// This rule as Windows holds it: the planned fields, and the conditions of <see cref="ExtraFields"/>
    /// (the plan contract checks their text; text that is not a value of its field is left out).
    /// </summary>
    public StoredRule ToStored()
    {
        var stored = new StoredRule
        {
            Id = Name,
            DisplayName = DisplayName,
            Description = Description,
            Group = Group,
            Enabled = Enabled,
            Direction = Direction,
            Action = Action,
            Protocol = Protocol == TransportProtocol.Tcp ? IpProtocol.Tcp : IpProtocol.Udp,
            LocalPorts = LocalPorts,
            RemoteAddresses = RemoteAddresses,
            Profiles = Profiles,
        };
        foreach (var (name, text) in ExtraFields)
        {
            if (RuleFields.FindCondition(name) is { } field && field.Write(stored, text) is { } written)
            {
                stored = written;
            }
        }

        return stored;
    }

    /// <summary>
    /// A stored rule in this model (its <see cref="StoredRule.Id"/> as the name, its conditions as
    /// <see cref="ExtraFields"/>), or null and why fwkit cannot represent it: an outbound rule, another
    /// protocol or action. Such a rule is reported, never touched.
    /// </summary>
    public static FirewallRule? FromStored(StoredRule stored, out string? unrepresentable)
    {
        unrepresentable = stored switch
        {
            { Direction: RuleDirection.Outbound } => "is an outbound rule",
            { Action: RuleAction.Bypass } => "is an authenticated-bypass rule",
            { Protocol.Number: null } => "matches any protocol",
            { Protocol.Number: 1 } => "is an ICMPv4 rule",
            { Protocol.Number: 58 } => "is an ICMPv6 rule",
            { Protocol.Number: not (6 or 17) } => $"has protocol {stored.Protocol}",
            _ => null,
        };
        if (unrepresentable is not null)
        {
            return null;
        }

        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in RuleFields.Conditions)
        {
            if (field.Read(stored) is { } text)
            {
                extras[field.Name] = text;
            }
        }

        return new FirewallRule
        {
            Name = stored.Id ?? stored.DisplayName,
            DisplayName = stored.DisplayName,
            Description = stored.Description,
            Group = stored.Group,
            Direction = stored.Direction,
            Action = stored.Action,
            Protocol = stored.Protocol.Number == 6 ? TransportProtocol.Tcp : TransportProtocol.Udp,
            LocalPorts = stored.LocalPorts,
            RemoteAddresses = stored.RemoteAddresses,
            Profiles = stored.Profiles,
            Enabled = stored.Enabled,
            ExtraFields = extras,
        };
    }

    public bool Equals(FirewallRule? other) => other is not null && (ReferenceEquals(this, other) || Differences(other).Count == 0);

    public override int GetHashCode() =>
        HashCode.Combine(Name, DisplayName, NormalisedDescription, Group, HashCode.Combine(Direction, Action, Protocol), LocalPorts, RemoteAddresses, HashCode.Combine(Profiles, Enabled, ExtraFields));

    private string NormalisedDescription => Description.ReplaceLineEndings("\n");
}
