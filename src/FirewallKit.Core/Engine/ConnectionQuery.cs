using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Engine;

/// <summary>One inbound connection to ask about: who connects, to which local port, over which protocol.</summary>
public sealed record ConnectionQuery(IPAddress Source, int Port, TransportProtocol Protocol)
{
    public IpFamily Family => AddressRange.ToInteger(Source).Family;
}
