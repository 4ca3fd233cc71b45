using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Plan;

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
    /// Conditions a rule store holds beyond this model (a program, a service, local addresses,
    /// remote ports, interfaces, edge traversal, ICMP types, authorised users, ...), keyed by the
    /// store's field name, valued as the store reads them. A planned rule has none, so any found on
    /// an owned rule is drift that apply resets; they are kept so a rollback can put them back.
    /// </summary>
    public ValueMap<string, string> ExtraFields { get; init; } = NoExtraFields;

    private static ValueMap<string, string> NoExtraFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The fields of <paramref name="other"/> that differ from this rule, as <see cref="RuleField"/>
    /// names in contract order, then the differing <see cref="ExtraFields"/> by name.
    /// </summary>
    public IReadOnlyList<string> Differences(FirewallRule other)
    {
        var fields = new List<string>();
        void Check(string field, bool same)
        {
            if (!same)
            {
                fields.Add(field);
            }
        }

        Check(RuleField.Name, Name == other.Name);
        Check(RuleField.DisplayName, DisplayName == other.DisplayName);
        Check(RuleField.Description, NormalisedDescription == other.NormalisedDescription);
        Check(RuleField.Group, Group == other.Group);
        Check(RuleField.Direction, Direction == other.Direction);
        Check(RuleField.Action, Action == other.Action);
        Check(RuleField.Protocol, Protocol == other.Protocol);
        Check(RuleField.LocalPorts, LocalPorts.Equals(other.LocalPorts));
        Check(RuleField.RemoteAddresses, RemoteAddresses.Equals(other.RemoteAddresses));
        Check(RuleField.Profiles, Profiles == other.Profiles);
        Check(RuleField.Enabled, Enabled == other.Enabled);
        foreach (var field in ExtraFields.Keys.Union(other.ExtraFields.Keys).Order(StringComparer.Ordinal))
        {
            Check(field, ExtraFields.TryGetValue(field, out var mine) && other.ExtraFields.TryGetValue(field, out var theirs) && mine == theirs);
        }

        return fields;
    }

    public bool Equals(FirewallRule? other) => other is not null && (ReferenceEquals(this, other) || Differences(other).Count == 0);

    public override int GetHashCode() =>
        HashCode.Combine(Name, DisplayName, NormalisedDescription, Group, HashCode.Combine(Direction, Action, Protocol), LocalPorts, RemoteAddresses, HashCode.Combine(Profiles, Enabled, ExtraFields));

    private string NormalisedDescription => Description.ReplaceLineEndings("\n");
}
