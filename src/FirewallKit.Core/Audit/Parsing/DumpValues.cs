using System.Globalization;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>Field values both dump forms share (profiles, ports, addresses), parsed into the audit's model with errors collected, not thrown.</summary>
internal static class DumpValues
{
    public const string ProfileForms = "use Domain, Private and Public separated by commas, or Any";

    /// <summary><c>Domain,Private,Public</c>, <c>Domain, Private</c>, <c>Any</c>, or the CIM flags number (Any 0, Domain 1, Private 2, Public 4).</summary>
    public static FirewallProfiles? Profiles(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
        {
            return flags switch
            {
                0 => FirewallProfiles.All,
                >= 1 and <= 7 => (FirewallProfiles)flags,
                _ => null,
            };
        }

        var profiles = FirewallProfiles.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            profiles |= name.ToUpperInvariant() switch
            {
                "DOMAIN" => FirewallProfiles.Domain,
                "PRIVATE" => FirewallProfiles.Private,
                "PUBLIC" => FirewallProfiles.Public,
                "ANY" or "ALL" => FirewallProfiles.All,
                _ => (FirewallProfiles)(-1),
            };
            if ((int)profiles < 0)
            {
                return null;
            }
        }

        return profiles == FirewallProfiles.None ? null : profiles;
    }

    public static PortList Ports(IReadOnlyList<string> tokens, InputErrors errors, string where)
    {
        try
        {
            return tokens.Count == 0 ? PortList.Any : PortList.Parse(tokens);
        }
        catch (FormatException ex)
        {
            errors.Add(where, ex.Message, PortList.AcceptedForms);
            return PortList.Any;
        }
    }

    public static RuleAddresses Addresses(IReadOnlyList<string> tokens, InputErrors errors, string where)
    {
        try
        {
            return RuleAddresses.Parse(tokens);
        }
        catch (FormatException ex)
        {
            errors.Add(where, ex.Message, AddressBlock.AcceptedForms);
            return RuleAddresses.Any;
        }
    }

    public static ObservedProtocol Protocol(string text, InputErrors errors, string where)
    {
        if (ObservedProtocol.TryParse(text) is { } protocol)
        {
            return protocol;
        }

        errors.Add(where, $"unknown protocol '{text}'", ObservedProtocol.AcceptedForms);
        return ObservedProtocol.Any;
    }

    /// <summary>A program path, or null when the rule is not scoped to one.</summary>
    public static string? Program(string? text) =>
        string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "Any", StringComparison.OrdinalIgnoreCase) ? null : text.Trim();

    public static InterfaceTypes? InterfaceTypes(string text)
    {
        var types = Audit.InterfaceTypes.Any;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name.ToUpperInvariant())
            {
                case "ANY":
                    return Audit.InterfaceTypes.Any;
                case "LAN" or "WIRED":
                    types |= Audit.InterfaceTypes.Lan;
                    break;
                case "WIRELESS":
                    types |= Audit.InterfaceTypes.Wireless;
                    break;
                case "RAS" or "REMOTEACCESS":
                    types |= Audit.InterfaceTypes.RemoteAccess;
                    break;
                default:
                    return null;
            }
        }

        return types;
    }
}
