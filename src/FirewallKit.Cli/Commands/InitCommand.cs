using System.CommandLine;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit init</c>: write a starter profile that validates, with placeholders for the addresses not given.</summary>
internal static class InitCommand
{
    private static readonly string[] TopologyNames = ["single", "cluster", "multi-server"];

    public static Command GetCommand(CliHost host)
    {
        var topology = new Option<string>("--topology", "-t")
        {
            Description = "single (one server), cluster (servers that each run everything) or multi-server (servers with roles).",
            HelpName = string.Join("|", TopologyNames),
            Required = true,
        };
        Choices.AcceptOnly(topology, TopologyNames);
        var output = GlobalOptions.Output(hasFormat: false);
        var catalog = GlobalOptions.Catalog();
        var productVersion = new Option<string?>("--product-version") { Description = "The installed product version, such as 5.1.2 (default: the newest the catalog names)." };
        var clients = Addresses("--clients", "Who uses the service: addresses or subnets (default: a placeholder).");
        var admins = Addresses("--admins", "Who reaches the Configuration Manager (default: a placeholder).");
        var loadBalancers = Addresses("--load-balancers", "The load balancers in front of the servers (default: none).");
        var features = new Option<string[]>("--feature")
        {
            Description = "Turn a catalog feature on or off, NAME or NAME=on|off (the catalog's: fwkit catalog); repeat for each (default: the catalog's defaults).",
            HelpName = "NAME[=on|off]",
        };
        var peers = new Option<string[]>("--peer")
        {
            Description = "A server of the deployment, NAME=ADDRESS[,ADDRESS]; repeat for every server, this one included (default: placeholders server-1, server-2, ...).",
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
            topology, output, catalog, productVersion, clients, admins, loadBalancers, peers, peerRoles, features,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var outputPath = parse.GetValue(output);
            if (outputPath is { } path && File.Exists(path))
            {
                throw new InputException(OptionErrors.CommandLine, "--output", $"'{path}' exists; init does not overwrite a profile", "give a new file name, or delete the old file first");
            }

            var topologyName = parse.GetRequiredValue(topology);
            var request = new StarterRequest(
                Topology(topologyName), parse.GetValue(productVersion), parse.GetValue(clients) ?? [], parse.GetValue(admins) ?? [],
                StarterPeers(parse.GetValue(peers) ?? [], parse.GetValue(peerRoles) ?? []), new Provenance($"fwkit init --topology {topologyName.ToLowerInvariant()}"))
            {
                LoadBalancers = parse.GetValue(loadBalancers) ?? [],
                Features = FeatureSwitches(parse.GetValue(features) ?? []),
            };
            var json = StarterProfile.Write(request, CatalogLoader.LoadOrEmbedded(parse.GetValue(catalog)));
            host.Write(outputPath, json, log);
            if (request.Clients.Count == 0 || request.Admins.Count == 0 || (request.Topology != StarterTopology.Single && request.Peers.Count == 0))
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

    /// <summary>"airPrintDiscovery" or "airPrintDiscovery=on" turns it on, "=off" off; the last one given wins.</summary>
    private static Dictionary<string, bool> FeatureSwitches(string[] features)
    {
        var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            var equals = feature.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? feature : feature[..equals]).Trim();
            var value = equals < 0 ? "on" : feature[(equals + 1)..].Trim().ToLowerInvariant();
            if (name.Length == 0 || value is not ("on" or "off" or "true" or "false"))
            {
                throw new InputException(OptionErrors.CommandLine, "--feature", $"'{feature}' is not NAME, NAME=on or NAME=off", "write it as NAME=on or NAME=off, such as --feature airPrintDiscovery=on");
            }

            switches[name] = value is "on" or "true";
        }

        return switches;
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
