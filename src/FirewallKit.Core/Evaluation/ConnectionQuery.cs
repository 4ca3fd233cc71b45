using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// One inbound connection to ask about: who connects, to which local port, over which protocol.
/// The source is never <c>::</c>: no connection comes from the unspecified address, and no rule can
/// name it, so any verdict for it would be invented.
/// </summary>
public sealed record ConnectionQuery(IPAddress Source, int Port, TransportProtocol Protocol)
{
    public const string UnspecifiedSourceReason = "is the unspecified address, which never opens a connection (no rule can name it, so nothing decides it)";

    public IPAddress Source { get; } = IsUnspecified(Source)
        ? throw new ArgumentException($"'{Source}' {UnspecifiedSourceReason}.", nameof(Source))
        : Source;

    public IpFamily Family => AddressRange.ToInteger(Source).Family;

    public static bool IsUnspecified(IPAddress address) => OutsideRules.Unspecified.Contains(address);
}
