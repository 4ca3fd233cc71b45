using System.Net;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Operations;

/// <summary>Which server of the deployment a plan is for: the one <c>--host</c> names, or, on the machine itself, the one with its addresses.</summary>
public static class HostSelection
{
    /// <summary>The option that names the host, as errors quote it.</summary>
    public const string Option = "--host";

    public static Peer? Named(DeploymentProfile profile, string? name)
    {
        if (name is null)
        {
            return null;
        }

        return profile.Peers.FirstOrDefault(p => p.Name == name)
            ?? throw new InputException(
                profile.Source,
                "$.peers",
                profile.Peers.Count == 0 ? $"--host '{name}': the profile lists no servers (peers)" : $"--host '{name}' is not a server of the deployment",
                profile.Peers.Count == 0 ? "give no --host, or list every server of the deployment in peers" : $"give one of: {string.Join(", ", profile.Peers.Select(p => p.Name))}");
    }

    /// <summary>
    /// The server whose addresses this machine has, when the profile gives roles (without roles every host gets the
    /// same plan, so none is needed). No match, or more than one, is an input error asking for <c>--host</c>.
    /// </summary>
    public static Peer? OfMachine(DeploymentProfile profile, INetworkInterfaces network)
    {
        if (profile.Peers.All(p => p.Roles.Count == 0))
        {
            return null;
        }

        var addresses = network.List()
            .Where(i => i.IsUp && !i.IsLoopback)
            .SelectMany(i => i.Addresses.Select(a => a.Address))
            .Where(a => !IPAddress.IsLoopback(a))
            .Distinct()
            .ToList();
        var matches = profile.Peers.Where(p => addresses.Any(p.Addresses.Contains)).ToList();
        var names = string.Join(", ", profile.Peers.Select(p => p.Name));
        var mine = addresses.Count == 0 ? "none" : string.Join(", ", addresses);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputException(profile.Source, "$.peers", $"the servers have different roles, and none of them has an address of this machine ({mine})", $"give {Option} NAME, one of: {names}, or add this machine's address to its peer"),
            _ => throw new InputException(profile.Source, "$.peers", $"the servers have different roles, and {string.Join(", ", matches.Select(p => p.Name))} all have an address of this machine ({mine})", $"give {Option} NAME, one of: {string.Join(", ", matches.Select(p => p.Name))}"),
        };
    }
}
