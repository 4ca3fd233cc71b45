using System.Net;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows;

/// <summary>One row of the TCP listener or UDP endpoint tables: where a socket is bound and the process that bound it.</summary>
internal sealed record OwnedSocket(TransportProtocol Protocol, IPAddress LocalAddress, int Port, int ProcessId);
