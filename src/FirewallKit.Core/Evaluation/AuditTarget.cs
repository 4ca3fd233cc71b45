using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>One local port and protocol to audit, and the socket listening on it when known.</summary>
public sealed record AuditTarget(int Port, TransportProtocol Protocol, Listener? Listener = null);
