using System.Diagnostics.CodeAnalysis;

namespace FirewallKit.Core.RuleWords;

/// <summary>
/// The one place Windows' rule words become text and text becomes the enum again: protocol, network
/// profile, action, direction. Read in any case where Windows reads them in any case.
/// </summary>
public static class RuleTerms
{
    public static readonly IReadOnlyList<string> NetworkProfileNames = ["Domain", "Private", "Public"];

    /// <summary>Each single network profile, in Domain, Private, Public order.</summary>
    public static readonly IReadOnlyList<NetworkProfiles> EachNetworkProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    public static string Protocol(TransportProtocol protocol) => protocol == TransportProtocol.Tcp ? "TCP" : "UDP";

    public static bool TryProtocol(string text, out TransportProtocol protocol) =>
        TryOneOf(text, ["TCP", "UDP"], [TransportProtocol.Tcp, TransportProtocol.Udp], StringComparison.OrdinalIgnoreCase, out protocol);

    /// <summary>Windows' spelling, in Domain, Private, Public order.</summary>
    public static IReadOnlyList<string> Profiles(NetworkProfiles profiles) =>
        [.. EachNetworkProfile.Where(p => profiles.HasFlag(p)).Select(p => NetworkProfileNames[IndexOf(p)])];

    /// <summary>One of Domain, Private and Public, in any case.</summary>
    public static bool TryProfile(string text, out NetworkProfiles profile) =>
        TryOneOf(text, NetworkProfileNames, EachNetworkProfile, StringComparison.OrdinalIgnoreCase, out profile);

    public static string Action(RuleAction action) => action switch { RuleAction.Allow => "Allow", RuleAction.Block => "Block", _ => "Bypass" };

    public static bool TryAction(string text, out RuleAction action) =>
        TryOneOf(text, ["Allow", "Block"], [RuleAction.Allow, RuleAction.Block], StringComparison.Ordinal, out action);

    public static string Direction(RuleDirection direction) => direction == RuleDirection.Inbound ? "Inbound" : "Outbound";

    public static bool TryDirection(string text, out RuleDirection direction) =>
        TryOneOf(text, ["Inbound"], [RuleDirection.Inbound], StringComparison.Ordinal, out direction);

    /// <summary>The interface types as the COM API writes them (<c>Lan,Wireless</c>), <c>All</c> for every type.</summary>
    public static string InterfaceTypes(InterfaceTypes types) =>
        types == RuleWords.InterfaceTypes.Any
            ? "All"
            : string.Join(",", new[] { (RuleWords.InterfaceTypes.Lan, "Lan"), (RuleWords.InterfaceTypes.Wireless, "Wireless"), (RuleWords.InterfaceTypes.RemoteAccess, "RemoteAccess") }
                .Where(t => types.HasFlag(t.Item1)).Select(t => t.Item2));

    /// <summary>
    /// Interface types in any spelling Windows prints: the COM API's (<c>Lan,Wireless,RemoteAccess</c>, <c>All</c>),
    /// netsh's (<c>Any</c>, <c>RAS</c>) and PowerShell's (<c>Wired</c>), in any case.
    /// </summary>
    public static bool TryInterfaceTypes(string text, out InterfaceTypes types)
    {
        types = RuleWords.InterfaceTypes.Any;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name.ToUpperInvariant())
            {
                case "ANY" or "ALL":
                    types = RuleWords.InterfaceTypes.Any;
                    return true;
                case "LAN" or "WIRED":
                    types |= RuleWords.InterfaceTypes.Lan;
                    break;
                case "WIRELESS":
                    types |= RuleWords.InterfaceTypes.Wireless;
                    break;
                case "RAS" or "REMOTEACCESS":
                    types |= RuleWords.InterfaceTypes.RemoteAccess;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Finds <paramref name="text"/> among <paramref name="names"/> and gives the value at the same place.</summary>
    public static bool TryOneOf<T>(string text, IReadOnlyList<string> names, IReadOnlyList<T> values, StringComparison comparison, [MaybeNullWhen(false)] out T value)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(text, names[i], comparison))
            {
                value = values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    private static int IndexOf(NetworkProfiles profile) => profile switch
    {
        NetworkProfiles.Domain => 0,
        NetworkProfiles.Private => 1,
        _ => 2,
    };
}
