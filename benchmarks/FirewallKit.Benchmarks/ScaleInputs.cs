using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FirewallKit.Benchmarks;

/// <summary>
/// Writes the scaled inputs of <c>benchmarks/scale.sh</c> into a directory: profiles with many peers, a
/// deployment of many hosts, and netsh dumps with many rules, many rules on one port, or one long
/// description. Each is the shipped case it is compared with, grown in one dimension, and the same
/// seed always writes the same bytes.
/// </summary>
public static class ScaleInputs
{
    private const string ShippedDump = "tests/FirewallKit.Tests/Audit/Dumps/block-others-5200-missing.txt";

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var peers in new[] { 10_000, 100_000 })
        {
            File.WriteAllText(Path.Combine(directory, $"cluster-{peers}.json"), ClusterProfile(peers));
        }

        foreach (var hosts in new[] { 250, 500, 1_000 })
        {
            File.WriteAllText(Path.Combine(directory, $"deployment-{hosts}.json"), Deployment(hosts));
        }

        var dump = File.ReadAllText(Path.Combine(PeerProfiles.RepositoryRoot(), ShippedDump)).ReplaceLineEndings("\r\n");
        foreach (var rules in new[] { 5_000, 20_000 })
        {
            WriteDump(directory, $"dump-{rules}-rules.txt", dump, ForeignRules(rules - RuleCount(dump)));
        }

        foreach (var rules in new[] { 15_000, 30_000, 60_000 })
        {
            WriteDump(directory, $"dump-{rules}-on-one-port.txt", dump, RulesOnOnePort(rules));
        }

        foreach (var lines in new[] { 25_000, 50_000, 100_000, 200_000 })
        {
            WriteDump(directory, $"dump-description-{lines}-lines.txt", dump, [LongDescriptionRule(lines)]);
        }
    }

    /// <summary>The shipped cluster profile with its peers replaced by <paramref name="peers"/> generated ones.</summary>
    public static string ClusterProfile(int peers, int seed = 42)
    {
        var json = JsonNode.Parse(File.ReadAllText(PeerProfiles.ShippedProfile("cluster.json")))!.AsObject();
        json["peers"] = new JsonArray([.. PeerProfiles.Addresses(peers, seed).Select((address, i) => (JsonNode)new JsonObject
        {
            ["name"] = Invariant($"peer-{i}"),
            ["addresses"] = new JsonArray(address),
        })]);
        return json.ToJsonString();
    }

    /// <summary>
    /// The shipped multi-server profile with <paramref name="hosts"/> servers: one CPS host, and the rest
    /// PAS servers, remote PDS and PDG hosts in the proportions a large print estate has (many PAS, a
    /// PDS per branch, a few PDGs).
    /// </summary>
    public static string Deployment(int hosts)
    {
        var json = JsonNode.Parse(File.ReadAllText(PeerProfiles.ShippedProfile("multi-server.json")))!.AsObject();
        var peers = new JsonArray();
        for (var i = 0; i < hosts; i++)
        {
            var role = i == 0 ? "cps" : (i % 10) switch { < 5 => "pas", < 9 => "pds", _ => "pdg" };
            var address = Invariant($"10.{20 + (i >> 16)}.{(i >> 8) & 0xFF}.{i & 0xFF}");
            peers.Add(new JsonObject
            {
                ["name"] = Invariant($"pon-{role}-{i}"),
                ["addresses"] = new JsonArray(address),
                ["roles"] = new JsonArray(role),
            });
        }

        json["peers"] = peers;
        json["addresses"]!["localSubnets"] = new JsonArray("10.0.0.0/8");
        return json.ToJsonString();
    }

    /// <summary>Rules of the kind a busy server carries: every port, both protocols, allow and block, narrow and wide scopes.</summary>
    public static IEnumerable<string> ForeignRules(int count)
    {
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var port = random.Next(1, 65536);
            var remote = random.Next(4) switch
            {
                0 => "Any",
                1 => "LocalSubnet",
                2 => Invariant($"10.{random.Next(256)}.{random.Next(256)}.0/255.255.255.0"),
                _ => Invariant($"172.{16 + random.Next(16)}.{random.Next(256)}.{random.Next(256)}/255.255.255.255,192.168.{random.Next(256)}.0/255.255.255.0"),
            };
            yield return Rule(
                Invariant($"Vendor service {i} ({port})"),
                Invariant($"Inbound rule {i} written by another product."),
                random.Next(3) == 0 ? "Block" : "Allow",
                random.Next(2) == 0 ? "TCP" : "UDP",
                random.Next(5) == 0 ? Invariant($"{port}-{Math.Min(65535, port + random.Next(1, 200))}") : Invariant($"{port}"),
                remote,
                random.Next(4) == 0 ? "Public" : "Domain,Private");
        }
    }

    /// <summary>Rules that all name TCP 5200, each from its own address, alternating allow and block.</summary>
    public static IEnumerable<string> RulesOnOnePort(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var address = Invariant($"172.{16 + (i >> 16)}.{(i >> 8) & 0xFF}.{i & 0xFF}/255.255.255.255");
            yield return Rule(Invariant($"Port 5200 rule {i}"), "", i % 2 == 0 ? "Allow" : "Block", "TCP", "5200", address, "Domain,Private");
        }
    }

    /// <summary>One rule whose description runs over <paramref name="lines"/> lines, as netsh prints a multi-line description.</summary>
    public static string LongDescriptionRule(int lines)
    {
        var description = new StringBuilder("Line 0 of a description pasted from a change ticket.");
        for (var i = 1; i < lines; i++)
        {
            description.Append(Invariant($"\r\nLine {i} of a description pasted from a change ticket."));
        }

        return Rule("Long description", description.ToString(), "Allow", "TCP", "8443", "10.0.0.0/255.0.0.0", "Domain,Private");
    }

    private static string Rule(string name, string description, string action, string protocol, string localPort, string remote, string profiles) =>
        Invariant($"""

            Rule Name:                            {name}
            ----------------------------------------------------------------------
            Description:                          {description}
            Enabled:                              Yes
            Direction:                            In
            Profiles:                             {profiles}
            Grouping:                             Other vendor
            LocalIP:                              Any
            RemoteIP:                             {remote}
            Protocol:                             {protocol}
            LocalPort:                            {localPort}
            RemotePort:                           Any
            Edge traversal:                       No
            InterfaceTypes:                       Any
            Security:                             NotRequired
            Rule source:                          Local Setting
            Action:                               {action}

            """).ReplaceLineEndings("\r\n");

    private static void WriteDump(string directory, string name, string dump, IEnumerable<string> extraRules)
    {
        // The extra rules go before the closing "Ok." line netsh prints after the last rule.
        var end = dump.LastIndexOf("Ok.", StringComparison.Ordinal);
        using var writer = new StreamWriter(Path.Combine(directory, name), false, new UTF8Encoding(false));
        writer.Write(dump.AsSpan(0, end));
        foreach (var rule in extraRules)
        {
            writer.Write(rule);
        }

        writer.Write(dump.AsSpan(end));
    }

    private static int RuleCount(string dump) =>
        dump.Split("\r\n").Count(line => line.StartsWith("Rule Name:", StringComparison.Ordinal));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
