using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Cli;

/// <summary>
/// <c>fwkit check</c>'s options as a typed <see cref="ConnectionQuery"/>. The parser has already kept
/// --port to 1-65535 and --protocol and --firewall-profile to their listed values; only --from is free text.
/// </summary>
internal static class ConnectionQueries
{
    private const string FromFix = "give one IPv4 or IPv6 address, such as 10.20.0.99 or fd00:20::13 (not a subnet, range or keyword)";

    public static ConnectionQuery From(string from, int port, string protocol)
    {
        if (!AddressParser.TryParse(from, out var token, out var reason))
        {
            throw new InputException(OptionErrors.CommandLine, "--from", AddressParser.Describe(from, reason), FromFix);
        }

        if (token.Range is not { } range || range.Start != range.End)
        {
            throw new InputException(OptionErrors.CommandLine, "--from", $"'{from}' is not a single address", FromFix);
        }

        var source = AddressRange.ToAddress(range.Family, range.Start);
        if (ConnectionQuery.IsUnspecified(source))
        {
            throw new InputException(OptionErrors.CommandLine, "--from", $"'{from}' {ConnectionQuery.UnspecifiedSourceReason}", "give the address the connection comes from, such as 10.20.0.99 or fd00:20::13");
        }

        return new ConnectionQuery(source, port, RuleTerms.TryProtocol(protocol, out var transport) ? transport : TransportProtocol.Tcp);
    }

    public static NetworkProfiles? Profile(string? name) => name is not null && RuleTerms.TryProfile(name, out var profile) ? profile : null;
}
