using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.Support;

/// <summary>
/// Builds a profile as JSON and loads it through the real loader, so every test profile is
/// validated exactly like a user's file.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly JsonObject _json = new()
    {
        ["productVersion"] = "5.1.2",
        ["topology"] = "single",
    };

    public static ProfileBuilder SingleServer() => new();

    public static ProfileBuilder Cluster(params string[] peerAddresses)
    {
        var builder = new ProfileBuilder();
        builder._json["topology"] = "cluster";
        for (var i = 0; i < peerAddresses.Length; i++)
        {
            builder.Peer($"peer-{i + 1}", [peerAddresses[i]]);
        }

        return builder;
    }

    public ProfileBuilder Version(string version) => Set("productVersion", version);

    public ProfileBuilder Peer(string name, string[] addresses, params string[] roles)
    {
        _json["topology"] = "cluster";
        if (_json["peers"] is not JsonArray peers)
        {
            peers = [];
            _json["peers"] = peers;
        }

        var peer = new JsonObject { ["name"] = name, ["addresses"] = Array(addresses) };
        if (roles.Length > 0)
        {
            peer["roles"] = Array(roles);
        }

        peers.Add(peer);
        return this;
    }

    public ProfileBuilder Clients(params string[] addresses) => Addresses("clients", addresses);

    public ProfileBuilder Admins(params string[] addresses) => Addresses("admins", addresses);

    public ProfileBuilder LoadBalancers(params string[] addresses) => Addresses("loadBalancers", addresses);

    public ProfileBuilder LocalSubnets(params string[] addresses) => Addresses("localSubnets", addresses);

    public ProfileBuilder Printers(params string[] addresses) => Addresses("printers", addresses);

    public ProfileBuilder Feature(string name, bool on)
    {
        Section("features")[name] = on;
        return this;
    }

    public ProfileBuilder With(params string[] features)
    {
        foreach (var feature in features)
        {
            Feature(feature, true);
        }

        return this;
    }

    public ProfileBuilder Without(params string[] features)
    {
        foreach (var feature in features)
        {
            Feature(feature, false);
        }

        return this;
    }

    public ProfileBuilder MovePort(string entryId, int port)
    {
        Section("portOverrides")[entryId] = port;
        return this;
    }

    public ProfileBuilder AllowOnly() => Set("enforcement", "allowOnly");

    public ProfileBuilder NetworkProfiles(params string[] profiles) => Set("firewallProfiles", Array(profiles));

    public ProfileBuilder Set(string field, JsonNode? value)
    {
        _json[field] = value;
        return this;
    }

    public string ToJson() => _json.ToJsonString();

    public DeploymentProfile Build(PortCatalog? catalog = null) =>
        ProfileLoader.Reader(catalog ?? TestCatalog.PrinterOn).Parse("test-profile.json", Encoding.UTF8.GetBytes(ToJson()));

    public RulePlan Plan(PortCatalog? catalog = null) => RulePlanner.Plan(catalog ?? TestCatalog.PrinterOn, Build(catalog));

    /// <summary>The plan for the server of the deployment named <paramref name="host"/> (<c>--host</c>).</summary>
    public RulePlan PlanFor(string host, PortCatalog? catalog = null)
    {
        var profile = Build(catalog);
        return RulePlanner.Plan(catalog ?? TestCatalog.PrinterOn, profile, host: profile.Peers.Single(p => p.Name == host));
    }

    private ProfileBuilder Addresses(string set, string[] addresses)
    {
        Section("addresses")[set] = Array(addresses);
        return this;
    }

    private JsonObject Section(string name)
    {
        if (_json[name] is not JsonObject section)
        {
            section = [];
            _json[name] = section;
        }

        return section;
    }

    private static JsonArray Array(string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
