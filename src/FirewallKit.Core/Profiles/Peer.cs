using FirewallKit.Core.Addresses;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Profiles;

/// <summary>A server of the deployment; the peers are every server, this one included. No roles means it runs every role, as PrinterOn's installer does by default.</summary>
public sealed record Peer(string Name, AddressSet Addresses, ValueList<string> Roles)
{
    public bool HasRole(string role) => Roles.Count == 0 || Roles.Contains(role);
}
