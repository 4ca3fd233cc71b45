using FirewallKit.Core.Addresses;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Apply;

/// <summary>
/// Compares rules by meaning: addresses as <see cref="AddressSet"/>s and ports as
/// <see cref="PortSet"/>s, so the firewall's read-back forms of an unchanged rule never count as a
/// change. Field names are the plan contract's, so a diff can say which fields changed.
/// </summary>
public static class RuleComparer
{
    public const string Name = "name";
    public const string DisplayName = "displayName";
    public const string Description = "description";
    public const string Group = "group";
    public const string Direction = "direction";
    public const string Action = "action";
    public const string Protocol = "protocol";
    public const string LocalPorts = "localPorts";
    public const string RemoteAddresses = "remoteAddresses";
    public const string Profiles = "profiles";
    public const string Enabled = "enabled";

    /// <summary>The fields of <paramref name="actual"/> whose meaning differs from <paramref name="desired"/>, in contract order.</summary>
    public static IReadOnlyList<string> Differences(FirewallRule desired, FirewallRule actual)
    {
        var fields = new List<string>();
        Check(fields, Name, desired.Name == actual.Name);
        Check(fields, DisplayName, desired.DisplayName == actual.DisplayName);
        Check(fields, Description, SameText(desired.Description, actual.Description));
        Check(fields, Group, desired.Group == actual.Group);
        Check(fields, Direction, desired.Direction == actual.Direction);
        Check(fields, Action, desired.Action == actual.Action);
        Check(fields, Protocol, desired.Protocol == actual.Protocol);
        Check(fields, LocalPorts, PortSet.Parse(desired.LocalPorts).Equals(PortSet.Parse(actual.LocalPorts)));
        Check(fields, RemoteAddresses, SameAddresses(desired.RemoteAddresses, actual.RemoteAddresses));
        Check(fields, Profiles, desired.Profiles == actual.Profiles);
        Check(fields, Enabled, desired.Enabled == actual.Enabled);
        return fields;
    }

    public static bool Equivalent(FirewallRule desired, FirewallRule actual) => Differences(desired, actual).Count == 0;

    /// <summary>The addresses in their shortest form, whatever form they were read back in.</summary>
    public static string AddressText(IReadOnlyList<string> addresses) =>
        TryParse(addresses) is { } set ? set.ToString().Replace(",", ", ", StringComparison.Ordinal) : string.Join(", ", addresses);

    private static void Check(List<string> fields, string field, bool same)
    {
        if (!same)
        {
            fields.Add(field);
        }
    }

    // Windows may hand back CRLF where LF was written; the text is the same to a reader.
    private static bool SameText(string left, string right) =>
        string.Equals(left.ReplaceLineEndings("\n"), right.ReplaceLineEndings("\n"), StringComparison.Ordinal);

    private static bool SameAddresses(IReadOnlyList<string> desired, IReadOnlyList<string> actual)
    {
        var left = TryParse(desired);
        var right = TryParse(actual);
        // A token fwkit cannot parse is compared as text, so an unknown form shows as a change instead of failing.
        return left is not null && right is not null ? left.Equals(right) : desired.SequenceEqual(actual, StringComparer.Ordinal);
    }

    private static AddressSet? TryParse(IReadOnlyList<string> addresses)
    {
        try
        {
            return AddressSet.Parse(addresses.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        catch (AddressParseException)
        {
            return null;
        }
    }
}
