using System.CommandLine;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;
using FirewallKit.Core.Vocabulary;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit init</c>: write a starter profile that validates, with placeholders for the addresses not given.</summary>
internal static class InitCommand
{
    private static readonly string[] TopologyNames = ["single", "cluster", "multi-server"];

    private sealed record Options(string Topology, string? Output, string? Catalog, string? ProductVersion, string[] Clients, string[] Admins, string[] Peers, string[] PeerRoles);

    public static Command GetCommand(CliHost host)
    {
        var topology = new Option<string>("--topology", "-t")
        {
            Description = "single (one server), cluster (servers that each run everything) or multi-server (servers with roles).",
            HelpName = string.Join("|", TopologyNames),
            Required = true,
        };
        Choices.AcceptOnly(topology, TopologyNames);
        var output = GlobalOptions.Output();
        var catalog = GlobalOptions.Catalog();
        var productVersion = new Option<string?>("--product-version") { Description = "The installed product version, such as 5.1.2 (default: the newest the catalog names)." };
        var clients = Addresses("--clients", "Who uses the service: addresses or subnets (default: a placeholder).");
        var admins = Addresses("--admins", "Who reaches the Configuration Manager (default: a placeholder).");
        var peers = new Option<string[]>("--peer")
        {
            Description = "A server of the deployment, NAME=ADDRESS[,ADDRESS]; repeat for each (default: placeholders).",
            HelpName = "NAME=ADDRESS",
            AllowMultipleArgumentsPerToken = false,
        };
        var peerRoles = new Option<string[]>("--peer-role")
        {
            Description = "The roles of a --peer for multi-server, NAME=ROLE[,ROLE] (the catalog's: fwkit catalog); without it a peer has every role.",
            HelpName = "NAME=ROLES",
        };
        var command = new Command("init", "Write a starter profile that validates; addresses not given are placeholders that apply and export refuse until replaced.")
        {
            topology, output, catalog, productVersion, clients, admins, peers, peerRoles,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var options = new Options(
                parse.GetRequiredValue(topology), parse.GetValue(output), parse.GetValue(catalog), parse.GetValue(productVersion),
                parse.GetValue(clients) ?? [], parse.GetValue(admins) ?? [], parse.GetValue(peers) ?? [], parse.GetValue(peerRoles) ?? []);
            if (options.Output is { } path && File.Exists(path))
            {
                throw new InputException(OptionErrors.CommandLine, "--output", $"'{path}' exists; init does not overwrite a profile", "give a new file name, or delete the old file first");
            }

            var request = new StarterRequest(
                Topology(options.Topology), options.ProductVersion, options.Clients, options.Admins, StarterPeers(options.Peers, options.PeerRoles),
                new Provenance($"fwkit init --topology {options.Topology.ToLowerInvariant()}"));
            var json = StarterProfile.Write(request, CatalogLoader.LoadOrEmbedded(options.Catalog));
            host.Write(options.Output, json, log);
            if (options.Clients.Length == 0 || options.Admins.Length == 0 || (request.Topology != StarterTopology.Single && request.Peers.Count == 0))
            {
                log.Warning("The profile has placeholder addresses (documentation ranges): replace them, then run `fwkit validate`; apply and export refuse it until then");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<string[]> Addresses(string name, string description) => new(name)
    {
        Description = description + " Repeat the option, or give several after it.",
        HelpName = "ADDRESS",
        AllowMultipleArgumentsPerToken = true,
    };

    private static StarterTopology Topology(string name) => name.ToLowerInvariant() switch
    {
        "single" => StarterTopology.Single,
        "cluster" => StarterTopology.Cluster,
        _ => StarterTopology.MultiServer,
    };

    private static List<StarterPeer> StarterPeers(string[] peers, string[] peerRoles)
    {
        var roles = peerRoles.Select(p => Pair(p, "--peer-role", "NAME=ROLE[,ROLE], such as pon-pas-1=pas")).ToList();
        var result = peers.Select(p => Pair(p, "--peer", "NAME=ADDRESS[,ADDRESS], such as pon-app-2=10.20.0.12"))
            .Select(p => new StarterPeer(p.Name, p.Values, [.. roles.Where(r => r.Name == p.Name).SelectMany(r => r.Values)]))
            .ToList();
        if (roles.FirstOrDefault(r => result.All(p => p.Name != r.Name)) is { Name: { } unknown })
        {
            throw new InputException(OptionErrors.CommandLine, "--peer-role", $"no --peer is named '{unknown}'", "give the server with --peer NAME=ADDRESS first");
        }

        return result;
    }

    private static (string Name, string[] Values) Pair(string text, string option, string form)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var values = equals < 0 ? [] : text[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (equals <= 0 || values.Length == 0)
        {
            throw new InputException(OptionErrors.CommandLine, option, $"'{text}' is not NAME=VALUE", "write it as " + form);
        }

        return (text[..equals].Trim(), values);
    }
}
