using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Profiles;

/// <summary>
/// A port that belongs to other software on the host (<c>unmanagedPorts</c>): the plan neither opens nor blocks it, so
/// closing a product port does not close it for, say, IIS on 80. No protocol means TCP and UDP.
/// </summary>
public sealed record UnmanagedPort(int Port, TransportProtocol? Protocol, string Owner)
{
    public bool Covers(int port, TransportProtocol? protocol) => Port == port && (Protocol is null || protocol is null || Protocol == protocol);
}
