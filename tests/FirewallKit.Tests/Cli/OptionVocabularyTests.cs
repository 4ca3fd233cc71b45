using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.Machine;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>--output is always a file and --format always the form, on every command, in any case.</summary>
public class OptionVocabularyTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");
    private static readonly IFirewallEnvironment NoWindowsFirewall = new UnsupportedPlatformEnvironment();
    private TempDirectory _folder = null!;

    [SetUp]
    public void NewFolder()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    /// <summary>Every command fwkit has, with the arguments it needs, run against a machine without a Windows firewall.</summary>
    private static IEnumerable<TestCaseData> EveryCommand()
    {
        yield return new TestCaseData((object)new[] { "plan", "--profile", Cluster }).SetName("plan");
        yield return new TestCaseData((object)new[] { "validate", "--profile", Cluster }).SetName("validate");
        yield return new TestCaseData((object)new[] { "catalog" }).SetName("catalog");
        yield return new TestCaseData((object)new[] { "check", "--profile", Cluster, "--from", "10.20.0.99", "--port", "5200" }).SetName("check");
        yield return new TestCaseData((object)new[] { "apply", "--profile", Cluster, "--dry-run" }).SetName("apply");
        yield return new TestCaseData((object)new[] { "verify", "--profile", Cluster }).SetName("verify");
        yield return new TestCaseData((object)new[] { "remove", "--dry-run" }).SetName("remove");
        yield return new TestCaseData((object)new[] { "audit", "--rules", Audit.DumpScenarios.PathOf("block-others-5200-missing.json"), "--profile", Cluster }).SetName("audit");
    }

    private static CliRunner.Result Run(params string[] args) => CliRunner.Run(NoWindowsFirewall, FixedClock.Default, args);

    [TestCaseSource(nameof(EveryCommand))]
    public void Format_json_in_any_case_prints_json(string[] command)
    {
        var result = Run([.. command, "--format", "JSON"]);

        Assert.That(result.ExitCode, Is.AnyOf(ExitCodes.Success, ExitCodes.Drift, ExitCodes.Environment), result.Error);
        Assert.That(() => JsonNode.Parse(result.Out), Throws.Nothing, result.Out);
    }

    [TestCaseSource(nameof(EveryCommand))]
    public void Format_table_and_text_are_the_same_form_for_people(string[] command)
    {
        var table = Run([.. command, "--format", "table"]);
        var text = Run([.. command, "--format", "Text"]);

        Assert.That(text.ExitCode, Is.EqualTo(table.ExitCode));
        Assert.That(text.Out, Is.EqualTo(table.Out));
        Assert.That(text.Out.TrimStart(), Does.Not.StartWith("{"));
    }

    [TestCaseSource(nameof(EveryCommand))]
    public void Output_is_a_file_on_every_command(string[] command)
    {
        var file = Path.Combine(_folder.Path, "out.json");

        var result = Run([.. command, "--format", "json", "--output", file]);

        Assert.That(result.Out, Is.Empty);
        Assert.That(JsonNode.Parse(File.ReadAllText(file)), Is.Not.Null);
    }

    [TestCase("apply", "json")]
    [TestCase("verify", "json")]
    [TestCase("remove", "json")]
    [TestCase("rollback", "text")]
    [TestCase("plan", "json")]
    [TestCase("plan", "Table")]
    [TestCase("check", "json")]
    public void A_form_given_to_output_is_refused_with_the_new_spelling(string command, string form)
    {
        var args = command switch
        {
            "remove" => new[] { command },
            "rollback" => [command, "--backup", "backup.json"],
            "check" => [command, "--profile", Cluster, "--from", "10.0.0.1", "--port", "443"],
            _ => [command, "--profile", Cluster],
        };

        var result = Run([.. args, "--output", form]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain($"error: --output {form}: --output is the file to write to, not the form. Fix: use --format {form.ToLowerInvariant()}"));
        Assert.That(File.Exists(form), Is.False, "no file named after the form is written");
        Assert.That(result.Out, Is.Empty);
    }

    [TestCase("NetSh", "netsh advfirewall firewall add rule")]
    [TestCase("POWERSHELL", "#Requires -Version 5.1")]
    [TestCase("Json", "\"contract\": \"fwkit.plan/1\"")]
    public void Export_formats_are_read_in_any_case(string format, string expected)
    {
        var result = Run("export", "--profile", Cluster, "--format", format);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.Contain(expected));
    }

    [TestCase("plan", "xml")]
    [TestCase("export", "table")]
    [TestCase("verify", "yaml")]
    public void An_unknown_form_exits_2_and_lists_the_known_ones(string command, string form)
    {
        var result = Run(command, "--profile", Cluster, "--format", form);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain($"'{form}'"));
    }
}
