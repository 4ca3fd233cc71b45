using System.Net;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// A socket listening on the machine. <see cref="Program"/> and <see cref="Service"/> are null when
/// unknown (the portable API does not name the process), and then program- or service-scoped rules
/// can only be said to apply "if the listener is that program".
/// </summary>
public sealed record Listener(TransportProtocol Protocol, IPAddress LocalAddress, int Port, string? Program = null, string? Service = null);
