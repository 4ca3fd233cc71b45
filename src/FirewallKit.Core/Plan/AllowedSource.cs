using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Plan;

/// <summary>One flow that may reach a port: the audience, the flow in words, and its addresses.</summary>
public sealed record AllowedSource(string Audience, string Flow, AddressSet Addresses);
