using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Engine;

/// <summary>One inbound connection to ask about: who connects, to which local port, over which protocol.</summary>
public sealed record ConnectionQuery(IPAddress Source, int Port, TransportProtocol Protocol)
{
    /// <summary>What an <see cref="InputException"/> names as the "file" when the bad value came from an option.</summary>
    public const string CommandLine = "command line";

    public IpFamily Family => AddressRange.ToInteger(Source).Family;

    /// <summary>Validates the command-line form; bad values are input errors (exit 2), not bugs.</summary>
    public static ConnectionQuery Parse(string from, int port, string protocol)
    {
        var source = ParseSource(from);
        if (port is < 1 or > 65535)
        {
            throw new InputException(CommandLine, "--port", $"port {port} is out of range", "give a port number from 1 to 65535");
        }

        var transport = protocol.ToUpperInvariant() switch
        {
            "TCP" => TransportProtocol.Tcp,
            "UDP" => TransportProtocol.Udp,
            _ => throw new InputException(CommandLine, "--protocol", $"unknown protocol '{protocol}'", "use tcp or udp"),
        };
        return new ConnectionQuery(source, port, transport);
    }

    private static IPAddress ParseSource(string from)
    {
        const string Fix = "give one IPv4 or IPv6 address, such as 10.20.0.99 or fd00:20::13 (not a subnet, range or keyword)";
        AddressToken token;
        try
        {
            token = AddressParser.Parse(from);
        }
        catch (AddressParseException ex)
        {
            throw new InputException(CommandLine, "--from", ex.Message, Fix);
        }

        if (token.Range is not { } range || range.Start != range.End)
        {
            throw new InputException(CommandLine, "--from", $"'{from}' is not a single address", Fix);
        }

        return AddressRange.ToAddress(range.Family, range.Start);
    }

    public override string ToString() =>
        $"{(Protocol == TransportProtocol.Tcp ? "TCP" : "UDP")} {Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} from {Source}";
}
