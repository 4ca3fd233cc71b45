using System.Globalization;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Support;

/// <summary>
/// Random but valid profile JSON for property tests. Every address token is written from a range the
/// generator chose itself, so the tests know who is a peer, a client or an admin without asking the parser.
/// Addresses come from a few small networks, so peers, clients and admins overlap and touch.
/// </summary>
internal sealed class RandomProfiles(int seed)
{
    public static readonly string[] Versions = ["3.2.2", "3.2.3", "3.2.4", "5.0.9", "5.1.0", "5.1.1", "5.1.2", "6.0.0"];
    public static readonly string[] Features = ["http80", "pdg", "airPrintDiscovery", "webRelease", "brotherBsi", "printPreview", "printWhere", "pdsAlternatePort", "ajp", "pdh"];
    private static readonly string[] Roles = ["cps", "pas", "pds", "pdg", "pdh"];

    private static readonly (IpFamily Family, UInt128 Start, int Bits)[] Networks =
    [
        (IpFamily.V4, V4(10, 20, 0, 0), 10),
        (IpFamily.V4, V4(10, 20, 4, 0), 8),
        (IpFamily.V4, V4(192, 168, 5, 0), 8),
        (IpFamily.V6, (UInt128)0xfd00_0020_0000_0000UL << 64, 12),
        (IpFamily.V6, ((UInt128)0xfd00_0020_0000_0000UL << 64) + (UInt128.One << 32), 10),
    ];

    private readonly Random _random = new(seed);

    public sealed record Generated(
        JsonObject Json,
        bool Cluster,
        string Version,
        IReadOnlyDictionary<string, bool> Features,
        IReadOnlyDictionary<string, int> Overrides,
        IReadOnlyList<(IReadOnlyList<AddressRange> Ranges, IReadOnlyList<string> Roles)> Peers,
        AddressSet? Clients,
        AddressSet Admins,
        AddressSet LoadBalancers,
        AddressSet Printers,
        bool AdminsOnLocalSubnet,
        AddressSet? LocalSubnets);

    public Generated Next(bool manyPeers = false)
    {
        var json = new JsonObject();
        var version = Versions[_random.Next(Versions.Length)];
        json["productVersion"] = version;
        var cluster = manyPeers || _random.Next(10) < 7;
        json["topology"] = cluster ? "cluster" : "single";

        var peers = new List<(IReadOnlyList<AddressRange>, IReadOnlyList<string>)>();
        if (cluster)
        {
            var peerArray = new JsonArray();
            var count = manyPeers ? 1200 + _random.Next(800) : 1 + _random.Next(8);
            for (var i = 0; i < count; i++)
            {
                var (tokens, ranges) = manyPeers ? Scattered() : Tokens(1 + _random.Next(3));
                var roles = _random.Next(3) == 0 ? Roles.Where(_ => _random.Next(2) == 0).ToList() : [];
                var peer = new JsonObject { ["name"] = $"peer-{i}", ["addresses"] = Array(tokens) };
                if (roles.Count > 0)
                {
                    peer["roles"] = Array(roles);
                }

                peerArray.Add(peer);
                peers.Add((ranges, roles));
            }

            json["peers"] = peerArray;
        }

        var addresses = new JsonObject();
        AddressSet? clients = null;
        switch (_random.Next(10))
        {
            case < 3:
                break; // default: Any
            case < 5:
                addresses["clients"] = Array(["Any"]);
                break;
            default:
                var (clientTokens, clientRanges) = Tokens(1 + _random.Next(4));
                addresses["clients"] = Array(clientTokens);
                clients = AddressSet.FromRanges(clientRanges);
                break;
        }

        var admins = OptionalSet(addresses, "admins");
        var adminsOnLocalSubnet = false;
        if (_random.Next(6) == 0)
        {
            // Admins on the local subnet: a keyword that apply resolves into the machine's subnets.
            addresses["admins"] = Array(["LocalSubnet"]);
            admins = AddressSet.Empty;
            adminsOnLocalSubnet = true;
        }

        var loadBalancers = OptionalSet(addresses, "loadBalancers");
        var printers = OptionalSet(addresses, "printers");
        AddressSet? localSubnets = null;
        if (_random.Next(2) == 0)
        {
            var (localTokens, localRanges) = Tokens(1 + _random.Next(2));
            addresses["localSubnets"] = Array(localTokens);
            localSubnets = AddressSet.FromRanges(localRanges);
        }

        if (adminsOnLocalSubnet && localSubnets is not null)
        {
            admins = localSubnets; // literal localSubnets are what LocalSubnet means
        }

        json["addresses"] = addresses;

        var features = Features.ToDictionary(f => f, _ => _random.Next(2) == 0);
        if (!features["pdg"])
        {
            features["airPrintDiscovery"] = false; // it needs the PDG
        }

        // A feature whose only audience the profile leaves empty is refused: AJP needs load balancers, BSI printers.
        features["ajp"] &= !loadBalancers.IsEmpty;
        features["brotherBsi"] &= !printers.IsEmpty;

        json["features"] = new JsonObject([.. features.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]);

        // Each configurable port draws from its own pool, so overrides never collide.
        var overrides = new Dictionary<string, int>();
        if (features["pdh"])
        {
            overrides["pdh"] = Pick(9100, 9200, 7000, 12000);
        }

        if (_random.Next(2) == 0)
        {
            overrides["pds-alternate"] = Pick(8090, 8095, 18080);
        }

        if (_random.Next(3) == 0)
        {
            overrides["pdg-ipp-alternate"] = Pick(8082, 8083, 18081);
        }

        json["portOverrides"] = new JsonObject([.. overrides.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))]);

        if (_random.Next(5) == 0)
        {
            json["enforcement"] = "allowOnly";
        }

        if (_random.Next(2) == 0)
        {
            var profiles = new[] { "Domain", "Private", "Public" }.Where(_ => _random.Next(2) == 0).ToList();
            json["firewallProfiles"] = Array(profiles.Count > 0 ? profiles : ["Public"]);
        }

        return new Generated(json, cluster, version, features, overrides, peers, clients, admins, loadBalancers, printers, adminsOnLocalSubnet, localSubnets);
    }

    /// <summary>Addresses worth probing: inside and just outside every range given, plus some from the pools and from anywhere.</summary>
    public List<(IpFamily Family, UInt128 Value)> Probes(IEnumerable<AddressRange> around, int random)
    {
        var probes = new List<(IpFamily, UInt128)>();
        foreach (var range in around)
        {
            probes.Add((range.Family, range.Start));
            probes.Add((range.Family, range.End));
            probes.Add((range.Family, range.Start + (range.Count / 2)));
            if (range.Start > 0)
            {
                probes.Add((range.Family, range.Start - 1));
            }

            if (range.End < AddressRange.MaxOf(range.Family))
            {
                probes.Add((range.Family, range.End + 1));
            }
        }

        for (var i = 0; i < random; i++)
        {
            probes.Add(i % 3 == 0 ? Anywhere() : InPool());
        }

        return probes;
    }

    private AddressSet OptionalSet(JsonObject addresses, string name)
    {
        if (_random.Next(5) < 2)
        {
            return AddressSet.Empty;
        }

        var (tokens, ranges) = Tokens(1 + _random.Next(3));
        addresses[name] = Array(tokens);
        return AddressSet.FromRanges(ranges);
    }

    private (List<string> Tokens, List<AddressRange> Ranges) Tokens(int count)
    {
        var tokens = new List<string>();
        var ranges = new List<AddressRange>();
        for (var i = 0; i < count; i++)
        {
            var (token, range) = Token();
            tokens.Add(token);
            ranges.Add(range);
        }

        return (tokens, ranges);
    }

    /// <summary>One address per peer, spread so they do not merge: thousands of entries, several rules.</summary>
    private (List<string> Tokens, List<AddressRange> Ranges) Scattered()
    {
        var family = _random.Next(4) == 0 ? IpFamily.V6 : IpFamily.V4;
        var value = family == IpFamily.V4
            ? V4(10, 100, 0, 0) + ((UInt128)(uint)_random.Next(1 << 20) * 2)
            : ((UInt128)0xfd00_0099_0000_0000UL << 64) + ((UInt128)(uint)_random.Next(1 << 20) * 2);
        var range = new AddressRange(family, value, value);
        return ([AddressRange.FormatAddress(family, value)], [range]);
    }

    private (string Token, AddressRange Range) Token()
    {
        var (family, value) = _random.Next(8) == 0 ? Anywhere() : InPool();
        var bits = family == IpFamily.V4 ? 32 : 128;
        switch (_random.Next(4))
        {
            case 0:
            {
                // A subnet, written from any address inside it, as Windows allows.
                var prefix = family == IpFamily.V4 ? 22 + _random.Next(11) : 110 + _random.Next(19);
                var hostMask = prefix == bits ? UInt128.Zero : (UInt128.One << (bits - prefix)) - 1;
                var start = value & ~hostMask & AddressRange.MaxOf(family);
                var range = new AddressRange(family, start, start | hostMask);
                var token = family == IpFamily.V4 && _random.Next(3) == 0
                    ? $"{AddressRange.FormatAddress(family, value)}/{AddressRange.FormatAddress(family, AddressRange.MaxOf(family) & ~hostMask)}"
                    : string.Create(CultureInfo.InvariantCulture, $"{AddressRange.FormatAddress(family, value)}/{prefix}");
                return (token, range);
            }

            case 1:
            {
                var end = UInt128.Min(value + (UInt128)(uint)_random.Next(1, 300), AddressRange.MaxOf(family));
                return ($"{AddressRange.FormatAddress(family, value)}-{AddressRange.FormatAddress(family, end)}", new AddressRange(family, value, end));
            }

            default:
                return (AddressRange.FormatAddress(family, value), new AddressRange(family, value, value));
        }
    }

    private (IpFamily, UInt128) InPool()
    {
        var (family, start, bits) = Networks[_random.Next(Networks.Length)];
        return (family, start + (UInt128)(uint)_random.Next(1 << bits));
    }

    private (IpFamily, UInt128) Anywhere()
    {
        if (_random.Next(2) == 0)
        {
            return (IpFamily.V4, (UInt128)(uint)_random.NextInt64(1L << 32));
        }

        var high = (ulong)_random.NextInt64() << 1;
        var low = (ulong)_random.NextInt64();
        return (IpFamily.V6, new UInt128(high, low));
    }

    private int Pick(params int[] values) => values[_random.Next(values.Length)];

    private static UInt128 V4(int a, int b, int c, int d) => (UInt128)(uint)((a << 24) | (b << 16) | (c << 8) | d);

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
