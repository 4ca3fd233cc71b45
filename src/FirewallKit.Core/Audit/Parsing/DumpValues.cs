using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>Field values both dump forms share (profiles, ports, addresses), parsed into the audit's model with errors collected, not thrown.</summary>
internal static class DumpValues
{
    public const string ProfileForms = "use Domain, Private and Public separated by commas, or Any";

    /// <summary><c>Domain,Private,Public</c>, <c>Domain, Private</c>, <c>Any</c>, or the CIM flags number (Any 0, Domain 1, Private 2, Public 4).</summary>
    public static NetworkProfiles? Profiles(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
        {
            return flags switch
            {
                0 => NetworkProfiles.All,
                >= 1 and <= 7 => (NetworkProfiles)flags,
                _ => null,
            };
        }

        var profiles = NetworkProfiles.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RuleTerms.TryProfile(name, out var one))
            {
                profiles |= one;
            }
            else if (name.Equals("Any", StringComparison.OrdinalIgnoreCase) || name.Equals("All", StringComparison.OrdinalIgnoreCase))
            {
                profiles = NetworkProfiles.All;
            }
            else
            {
                return null;
            }
        }

        return profiles == NetworkProfiles.None ? null : profiles;
    }

    public const string PortForms = "use port numbers 1-65535, ranges (5000-5010), Any, or the keywords RPC, RPC-EPMap, IPHTTPS, Teredo, PlayToDiscovery, DHCP, mDNS";

    /// <summary>A rule's ports as printed (<c>80,443</c>, <c>5000-5010</c>, <c>Any</c>, <c>RPC-EPMap</c>); no tokens is Any.</summary>
    public static PortSet Ports(IReadOnlyList<string> tokens, InputErrors errors, string where)
    {
        var split = tokens
            .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (split.Count == 0)
        {
            return PortSet.Any;
        }

        if (PortSet.TryParse(split, out var ports))
        {
            return ports;
        }

        var bad = split.First(t => !PortSet.TryParse([t], out _));
        errors.Add(where, $"'{bad}' is not a port, a range or a port keyword", PortForms);
        return PortSet.Any;
    }

    /// <summary>A rule's addresses in every form Windows prints: single, CIDR, mask, range and keywords; no tokens (or <c>*</c>, <c>Any</c>) is every address.</summary>
    public static AddressSet Addresses(IReadOnlyList<string> tokens, InputErrors errors, string where)
    {
        var split = tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (split.Count == 0)
        {
            return AddressSet.Any;
        }

        var parsed = new List<AddressToken>();
        foreach (var token in split)
        {
            if (!AddressParser.TryParse(token, out var one, out var reason))
            {
                errors.Add(where, AddressParser.Describe(token, reason), AddressParser.AcceptedForms);
                return AddressSet.Any;
            }

            parsed.Add(one);
        }

        return AddressSet.Of(parsed);
    }

    public static IpProtocol Protocol(string text, InputErrors errors, string where)
    {
        if (IpProtocol.TryParse(text) is { } protocol)
        {
            return protocol;
        }

        errors.Add(where, $"unknown protocol '{text}'", IpProtocol.AcceptedForms);
        return IpProtocol.Any;
    }

    /// <summary>A program path, or null when the rule is not scoped to one.</summary>
    public static string? Program(string? text) =>
        string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "Any", StringComparison.OrdinalIgnoreCase) ? null : text.Trim();

    public static InterfaceTypes? InterfaceTypes(string text) => RuleTerms.TryInterfaceTypes(text, out var types) ? types : null;

    /// <summary>
    /// netsh's Security line (NotRequired, Authenticate, AuthEnc, AuthDynEnc, AuthNoEncap). Any other word still
    /// says the rule requires some IPsec, so it reads as Authenticate rather than as no requirement.
    /// </summary>
    public static RuleSecurity Security(string? text) => text?.Trim() switch
    {
        null or "" or "NotRequired" => RuleSecurity.NotRequired,
        "AuthNoEncap" => RuleSecurity.AuthenticateNoEncapsulation,
        "AuthEnc" => RuleSecurity.AuthenticateEncrypt,
        "AuthDynEnc" => RuleSecurity.AuthenticateDynamicEncryption,
        _ => RuleSecurity.Authenticate,
    };

    /// <summary>PowerShell's security filter: Authentication (NotRequired, Required, NoEncap) with Encryption (NotRequired, Required, Dynamic).</summary>
    public static RuleSecurity Security(string authentication, string? encryption) => (authentication, encryption) switch
    {
        ("NoEncap", _) => RuleSecurity.AuthenticateNoEncapsulation,
        ("Required", "Required") => RuleSecurity.AuthenticateEncrypt,
        ("Required", "Dynamic") => RuleSecurity.AuthenticateDynamicEncryption,
        ("Required", _) => RuleSecurity.Authenticate,
        _ => RuleSecurity.NotRequired,
    };
}
