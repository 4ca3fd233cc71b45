using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Core.Schemas;

namespace FirewallKit.Core.Profiles;

/// <summary>
/// <c>fwkit init</c>: a starter profile that validates. Addresses not given become documentation addresses
/// (<see cref="DocumentationRanges"/>), which plan and validate warn about and apply and export refuse, so a
/// placeholder can be reviewed but never applied. The <c>$schema</c> is the schema's absolute <c>$id</c>, which
/// stays right wherever the file is copied (a relative path would not).
/// </summary>
public static class StarterProfile
{
    private static readonly string[] ClientPlaceholder = ["198.51.100.0/24"];
    private static readonly string[] AdminPlaceholder = ["203.0.113.0/28"];

    /// <returns>The profile's JSON; <see cref="StarterValueException"/> names the field when a given value is wrong.</returns>
    public static string Write(StarterRequest request, PortCatalog catalog)
    {
        CheckAddresses(request.Clients, StarterField.Clients);
        CheckAddresses(request.Admins, StarterField.Admins);
        CheckAddresses(request.LoadBalancers, StarterField.LoadBalancers);
        if (request.Features.Keys.FirstOrDefault(name => catalog.Features.All(f => f.Name != name)) is { } unknown)
        {
            var known = string.Join(", ", catalog.Features.Select(f => f.Name));
            var likely = catalog.Features.FirstOrDefault(f => f.Name.Equals(unknown, StringComparison.OrdinalIgnoreCase))?.Name;
            throw new StarterValueException(
                StarterField.Features,
                StarterRefusal.UnknownFeature,
                $"unknown feature '{unknown}'",
                (likely is null ? string.Empty : $"did you mean '{likely}'? ") + "Known features: " + known);
        }

        foreach (var peer in request.Peers)
        {
            CheckAddresses(peer.Addresses, StarterField.Peers);
        }

        if (request.Topology == StarterTopology.Single && request.Peers.Count > 0)
        {
            throw new StarterValueException(StarterField.Peers, StarterRefusal.PeersOnSingleServer, "a single server has no peers", "give no peers, or choose the cluster or multi-server topology");
        }

        var version = request.ProductVersion ?? NewestKnownVersion(catalog);
        if (!ProductVersion.TryParse(version, out _))
        {
            throw new StarterValueException(StarterField.ProductVersion, StarterRefusal.ProductVersion, $"'{version}' is not a version", "write it as major.minor.patch, such as 5.1.2");
        }

        var peers = request.Topology == StarterTopology.Single ? [] : request.Peers.Count > 0 ? request.Peers : PlaceholderPeers(request.Topology, catalog);
        var profile = new JsonObject
        {
            ["$schema"] = JsonSchemas.Id("profile"),
            ["description"] = Description(request, peers),
            ["productVersion"] = version,
            ["topology"] = CatalogTerms.Topology(request.Topology == StarterTopology.Single ? Topology.Single : Topology.Cluster),
        };
        if (peers.Count > 0)
        {
            profile["peers"] = new JsonArray([.. peers.Select(Peer)]);
        }

        profile["addresses"] = new JsonObject
        {
            ["clients"] = JsonOutput.Strings(request.Clients.Count > 0 ? request.Clients : ClientPlaceholder),
            ["admins"] = JsonOutput.Strings(request.Admins.Count > 0 ? request.Admins : AdminPlaceholder),
        };
        if (request.LoadBalancers.Count > 0)
        {
            profile["addresses"]!["loadBalancers"] = JsonOutput.Strings(request.LoadBalancers);
        }

        profile["features"] = new JsonObject([.. catalog.Features.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)request.Features.GetValueOrDefault(f.Name, f.Default)))]);
        profile["ruleGroup"] = catalog.DefaultRuleGroup;
        profile["enforcement"] = ProfileTerms.Enforcement(Enforcement.Strict);

        var json = JsonOutput.Write(profile);
        // The promise is a profile that validates: hold it to that before anyone writes it anywhere.
        ProfileLoader.Reader(catalog).Parse("fwkit init", Encoding.UTF8.GetBytes(json));
        return json;
    }

    /// <summary>The newest product version the catalog names: a starting point the description asks the user to correct.</summary>
    private static string NewestKnownVersion(PortCatalog catalog) => catalog.NewestKnownVersion.ToString(3);

    /// <summary>
    /// Every server of the deployment, numbered from 1: the one the profile is written on included, so that one
    /// profile (and one Group Policy object) serves every host.
    /// </summary>
    private static List<StarterPeer> PlaceholderPeers(StarterTopology topology, PortCatalog catalog)
    {
        // 192.0.2.0/24 (RFC 5737), one address a server.
        static string Address(int index) => string.Create(CultureInfo.InvariantCulture, $"192.0.2.{11 + index}");
        return topology == StarterTopology.MultiServer
            ? [.. catalog.ServerRoles.Select((role, i) => new StarterPeer($"{role.Name}-1", [Address(i)], [role.Name]))]
            : [.. Enumerable.Range(0, 3).Select(i => new StarterPeer(string.Create(CultureInfo.InvariantCulture, $"server-{i + 1}"), [Address(i)], []))];
    }

    private static JsonNode Peer(StarterPeer peer)
    {
        var json = new JsonObject { ["name"] = peer.Name, ["addresses"] = JsonOutput.Strings(peer.Addresses) };
        if (peer.Roles.Count > 0)
        {
            json["roles"] = JsonOutput.Strings(peer.Roles);
        }

        return json;
    }

    private static string Description(StarterRequest request, IReadOnlyList<StarterPeer> peers)
    {
        var text = $"Starter profile from {request.Provenance.Command}. Set productVersion to the installed version and review the features.";
        var placeholders = request.Clients.Count == 0 || request.Admins.Count == 0 || (peers.Count > 0 && request.Peers.Count == 0);
        return placeholders
            ? text + $" PLACEHOLDERS: every address in {DocumentationRanges.Names} stands for one of yours; replace it. apply and export refuse this profile until then."
            : text;
    }

    private static void CheckAddresses(IReadOnlyList<string> addresses, StarterField field)
    {
        foreach (var address in addresses)
        {
            if (!AddressParser.TryParse(address, out var token, out var reason))
            {
                throw new StarterValueException(field, StarterRefusal.Address, AddressParser.Describe(address, reason), AddressParser.AcceptedForms);
            }

            if (field == StarterField.Peers && token.Keyword is not null)
            {
                throw new StarterValueException(field, StarterRefusal.PeerKeyword, $"'{address}' is a keyword; a peer must be literal addresses", "give the server's IPv4 or IPv6 addresses");
            }
        }
    }
}
