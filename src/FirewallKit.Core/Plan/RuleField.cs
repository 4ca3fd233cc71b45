namespace FirewallKit.Core.Plan;

/// <summary>The plan contract's names for a rule's fields, in contract order; a diff names the fields that changed with these.</summary>
public static class RuleField
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

    public static readonly IReadOnlyList<string> All =
        [Name, DisplayName, Description, Group, Direction, Action, Protocol, LocalPorts, RemoteAddresses, Profiles, Enabled];
}
