using System.Text.Json;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.BadInput;

/// <summary>
/// Malformed and hostile profiles and catalogs (<c>profiles/</c>, <c>catalogs/</c>), each with the exact
/// errors it must produce in <c>expected-errors.json</c>: the JSON path and the message, in order.
/// </summary>
public class BadInputCorpusTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "FirewallKit.Tests", "BadInput");

    public sealed record ExpectedError(string Path, string Message);

    private static IReadOnlyDictionary<string, ExpectedError[]> Expectations()
    {
        using var stream = File.OpenRead(Path.Combine(Folder, "expected-errors.json"));
        return JsonSerializer.Deserialize<Dictionary<string, ExpectedError[]>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    public static IEnumerable<TestCaseData> Cases() =>
        Expectations().Select(e => new TestCaseData(e.Key, e.Value).SetArgDisplayNames(e.Key));

    [Test]
    public void The_corpus_has_at_least_40_inputs_and_every_one_has_its_expected_errors()
    {
        var files = Directory.GetFiles(Path.Combine(Folder, "profiles")).Concat(Directory.GetFiles(Path.Combine(Folder, "catalogs")))
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(Expectations().Keys.Order(StringComparer.Ordinal), Is.EqualTo(files));
        Assert.That(Expectations().Values, Has.All.Not.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void Loader_reports_exactly_the_expected_errors(string file, ExpectedError[] expected)
    {
        var path = Path.Combine(Folder, file);

        var ex = Assert.Throws<InputException>(() => Load(file, path))!;

        Assert.That(ex.Errors.Select(e => new ExpectedError(e.Path, e.Message)), Is.EqualTo(expected));
        Assert.That(ex.Errors.Select(e => e.File), Has.All.EqualTo(path));
        Assert.That(ex.Errors.Select(e => e.Fix), Has.All.Not.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void Cli_exits_2_naming_the_file_path_and_fix_without_a_stack_trace(string file, ExpectedError[] expected)
    {
        var path = Path.Combine(Folder, file);

        var result = file.StartsWith("profiles/", StringComparison.Ordinal)
            ? CliRunner.Run("validate", "--profile", path)
            : CliRunner.Run("validate", "--profile", RepoPaths.Profile("single-server.json"), "--catalog", path);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Out, Is.Empty);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(expected.Length));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.That(lines[i], Does.StartWith($"error: {path}: {expected[i].Path}: {expected[i].Message}. Fix: "));
        }

        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public void A_single_UTF8_byte_order_mark_is_accepted_because_Notepad_writes_one()
    {
        var json = File.ReadAllBytes(RepoPaths.Profile("single-server.json"));

        var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse("bom.json", [0xEF, 0xBB, 0xBF, .. json]);

        Assert.That(profile.Name, Is.EqualTo("single-server"));
    }

    private static void Load(string file, string path)
    {
        if (file.StartsWith("profiles/", StringComparison.Ordinal))
        {
            ProfileLoader.Reader(TestCatalog.PrinterOn).Load(path);
        }
        else
        {
            CatalogLoader.Reader.Load(path);
        }
    }
}
