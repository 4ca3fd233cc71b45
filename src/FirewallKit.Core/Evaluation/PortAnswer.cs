using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// The firewall's answer for one local port, protocol and firewall profile, worked out once for every source: each
/// source's verdict is then read off it. <c>fwkit flows</c> asks about every server of a deployment on the same
/// ports of the same destination, which re-evaluated the destination's rules for every one of them.
/// </summary>
public sealed class PortAnswer
{
    private readonly Reachability _reach;

    internal PortAnswer(int port, TransportProtocol protocol, Reachability reach)
    {
        Profile = reach.Profile;
        Port = port;
        Protocol = protocol;
        _reach = reach;
    }

    public NetworkProfiles Profile { get; }

    public int Port { get; }

    public TransportProtocol Protocol { get; }

    /// <summary>What <see cref="FirewallEvaluator.Evaluate(ConnectionQuery, NetworkProfiles)"/> answers for a connection from <paramref name="source"/> to this port.</summary>
    public ConnectionVerdict For(IPAddress source)
    {
        var query = new ConnectionQuery(source, Port, Protocol);
        return Loopback.Addresses.Contains(source)
            ? new ConnectionVerdict(ConnectionOutcome.Allowed, null, FirewallEvaluator.LoopbackReason)
            : FirewallEvaluator.Verdict(_reach, query);
    }
}
