namespace FirewallKit.Core.Profiles;

/// <summary>A server for a starter profile, as given on the command line; no roles means every role.</summary>
public sealed record StarterPeer(string Name, IReadOnlyList<string> Addresses, IReadOnlyList<string> Roles);
