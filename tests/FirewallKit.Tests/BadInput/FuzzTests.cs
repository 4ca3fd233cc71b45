using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Export;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;
using FirewallKit.Cli.Views;

namespace FirewallKit.Tests.BadInput;

/// <summary>
/// Mutates the shipped profiles (and the catalog) byte by byte and value by value, and runs each mutant
/// through loading, planning, exporting and checking. Whatever the mutant, the only exception allowed
/// out is <see cref="InputException"/> (exit 2); anything else is a bug. Fixed seeds, bounded cases.
/// </summary>
public class FuzzTests
{
    private const int ByteCases = 1500;
    private const int ValueCases = 1500;
    private const int CatalogCases = 400;
    private const int CliEvery = 60;

    private static readonly string[] Shipped = ["cluster.json", "single-server.json", "pdg-disabled.json", "multi-server.json"];

    private static readonly byte[] Specials = "\"{}[],:\\ \n\t0-./"u8.ToArray().Concat(new byte[] { 0x00, 0xFF, 0xC3, 0xEF, 0xBB, 0xBF, 0xFE }).ToArray();

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null,
        _ => true,
        _ => 0,
        _ => -1,
        _ => 65536,
        _ => 8090,
        _ => 1e308,
        _ => JsonNode.Parse("1e400"),
        _ => long.MaxValue,
        _ => "",
        _ => " ",
        _ => "Any",
        _ => "*",
        _ => "LocalSubnet",
        _ => "0.0.0.0/0",
        _ => "::/0",
        _ => "::",
        _ => "::1",
        _ => "127.0.0.1",
        _ => "10.0.0.256",
        _ => "10.0.0.0/33",
        _ => "10.0.0.9-10.0.0.1",
        _ => "fd00::1::2",
        _ => "::ffff:10.0.0.1",
        _ => "10.0.0.0/255.0.255.0",
        _ => "fe80::1%eth0",
        _ => "5.1.2.3.4",
        _ => "5.1",
        _ => "99999999999.0.0",
        _ => "cluster",
        _ => "single",
        _ => "allowOnly",
        _ => "Domain",
        _ => "pas",
        _ => "pdh",
        _ => "a|b",
        _ => "\u0000",
        _ => "🔥\u202e",
        _ => "../../etc/passwd",
        r => new string('x', r.Next(1, 20_000)),
        _ => new string('x', 5_000_000),
        _ => new JsonArray([.. Enumerable.Range(0, 100_001).Select(i => (JsonNode)"10.0.0.1")]),
        _ => new JsonArray(),
        _ => new JsonObject(),
        _ => new JsonArray("10.0.0.1", "fd00::1"),
        _ => new JsonArray(1, 2, 3),
        _ => new JsonArray(new JsonObject { ["name"] = "x", ["addresses"] = new JsonArray("10.9.9.9") }),
        _ => new JsonObject { ["pdg"] = false, ["airPrintDiscovery"] = true },
        _ => new JsonObject { ["pdh"] = 443 },
        _ => new JsonObject { ["pds-alternate"] = 5200 },
        _ => JsonNode.Parse(string.Concat(Enumerable.Repeat("[", 30)) + string.Concat(Enumerable.Repeat("]", 30))),
    ];

    [Test]
    public void Byte_mutations_of_the_shipped_profiles_never_escape_as_anything_but_input_errors()
    {
        var random = new Random(1701);
        var failures = new List<string>();
        for (var i = 0; i < ByteCases; i++)
        {
            var name = Shipped[i % Shipped.Length];
            var mutant = MutateBytes(File.ReadAllBytes(RepoPaths.Profile(name)), random);
            Run($"byte case {i} of {name}", mutant, i % CliEvery == 0, failures);
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Value_mutations_of_the_shipped_profiles_never_escape_as_anything_but_input_errors()
    {
        var random = new Random(1702);
        var failures = new List<string>();
        var outcomes = new int[2];
        for (var i = 0; i < ValueCases; i++)
        {
            var name = Shipped[i % Shipped.Length];
            var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Profile(name)))!;
            for (var step = random.Next(1, 4); step > 0; step--)
            {
                json = MutateValue(json, random);
            }

            var valid = Run($"value case {i} of {name}", Encoding.UTF8.GetBytes(json?.ToJsonString() ?? "null"), i % CliEvery == 0, failures);
            outcomes[valid ? 0 : 1]++;
        }

        Assert.That(failures, Is.Empty);
        // Both kinds must occur, or the mutations are too gentle or too brutal to test anything.
        Assert.That(outcomes, Has.All.GreaterThan(ValueCases / 20), $"valid {outcomes[0]}, refused {outcomes[1]}");
    }

    [Test]
    public void Value_mutations_of_the_catalog_never_escape_as_anything_but_input_errors()
    {
        var random = new Random(1703);
        var original = CatalogFormatterFreeJson();
        var profile = File.ReadAllBytes(RepoPaths.Profile("single-server.json"));
        var failures = new List<string>();
        for (var i = 0; i < CatalogCases; i++)
        {
            var json = MutateValue(JsonNode.Parse(original)!, random);
            var text = json?.ToJsonString() ?? "null";
            try
            {
                var catalog = CatalogLoader.Reader.Parse($"catalog-{i}.json", Encoding.UTF8.GetBytes(text));
                var plan = RulePlanner.Plan(catalog, ProfileLoader.Reader(catalog).Parse("single-server.json", profile));
                _ = new JsonPlanExporter().Export(plan) + PlanTableFormatter.Table(plan);
            }
            catch (InputException)
            {
            }
#pragma warning disable CA1031 // The point of the test: any other exception is the finding.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"catalog case {i}: {ex.GetType().Name}: {ex.Message}\n{Preview(text)}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    /// <summary>Loads, plans, exports and checks one mutant; true when it was a valid profile.</summary>
    private static bool Run(string label, byte[] bytes, bool throughCli, List<string> failures)
    {
        var valid = false;
        try
        {
            var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse(label, bytes);
            var plan = RulePlanner.Plan(TestCatalog.PrinterOn, profile);
            _ = new JsonPlanExporter().Export(plan) + PlanTableFormatter.Table(plan);
            var evaluator = FirewallEvaluator.Of(plan.Rules);
            _ = evaluator.EvaluateEachProfile(TestQueries.Of("10.20.0.99", 5200, "tcp"));
            _ = evaluator.EvaluateEachProfile(TestQueries.Of("fd00:20::13", 443, "tcp"));
            valid = true;
        }
        catch (InputException ex) when (ex.Errors.Count > 0 && ex.Errors.All(e => e.Fix.Length > 0))
        {
        }
#pragma warning disable CA1031 // The point of the test: any other exception is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures.Add($"{label}: {ex.GetType().Name}: {ex.Message}\n{Preview(Encoding.UTF8.GetString(bytes))}");
        }

        if (throughCli)
        {
            var path = Path.Combine(Path.GetTempPath(), $"fwkit-fuzz-{Environment.ProcessId}.json");
            File.WriteAllBytes(path, bytes);
            try
            {
                var result = CliRunner.Run("validate", "--profile", path);
                if (result.ExitCode != (valid ? 0 : 2) || result.Error.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{label} through the CLI: exit {result.ExitCode}\n{result.Error}");
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        return valid;
    }

    private static byte[] MutateBytes(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var step = random.Next(1, 4); step > 0 && bytes.Count > 0; step--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Specials[random.Next(Specials.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.Skip(random.Next(bytes.Count)).Take(random.Next(1, 80)).ToList());
                    break;
                case 4:
                    bytes.Insert(at, Specials[random.Next(Specials.Length)]);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static JsonNode? MutateValue(JsonNode? root, Random random)
    {
        if (root is null)
        {
            return null;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var replacement = Values[random.Next(Values.Length)](random);
        if (target.Parent is null)
        {
            return random.Next(4) == 0 ? replacement : root;
        }

        switch (target.Parent)
        {
            case JsonObject parent:
            {
                var key = parent.First(p => ReferenceEquals(p.Value, target)).Key;
                switch (random.Next(4))
                {
                    case 0:
                        parent.Remove(key);
                        break;
                    case 1:
                        parent.Remove(key);
                        parent[Rename(key, random)] = replacement;
                        break;
                    default:
                        parent[key] = replacement;
                        break;
                }

                break;
            }

            case JsonArray array:
            {
                var index = array.IndexOf(target);
                switch (random.Next(3))
                {
                    case 0:
                        array.RemoveAt(index);
                        break;
                    case 1:
                        array.Add(target.DeepClone());
                        break;
                    default:
                        array[index] = replacement;
                        break;
                }

                break;
            }
        }

        return root;
    }

    private static string Rename(string key, Random random) => random.Next(3) switch
    {
        0 => key.ToUpperInvariant(),
        1 => key + "s",
        _ => key.Length > 1 ? key[..^1] : "x",
    };

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    Collect(child, nodes);
                }

                break;
        }
    }

    private static string CatalogFormatterFreeJson() =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "FirewallKit.Core", "Catalog", "Data", "printeron.json"));

    private static string Preview(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
