using System.Net;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.Support;

/// <summary>Connections to ask about, written as the tests think of them: "TCP 443 from 10.1.1.1".</summary>
public static class TestQueries
{
    public static ConnectionQuery Of(string from, int port, string protocol = "tcp") =>
        new(IPAddress.Parse(from), port, RuleTerms.TryProtocol(protocol, out var transport) ? transport : throw new ArgumentException($"unknown protocol {protocol}", nameof(protocol)));

    public static ConnectionQuery Tcp(string from, int port) => new(IPAddress.Parse(from), port, TransportProtocol.Tcp);
}
