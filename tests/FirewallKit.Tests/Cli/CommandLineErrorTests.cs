using FirewallKit.Cli;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>A command line that does not parse is logged like every other error, with the parser's typo corrections.</summary>
public class CommandLineErrorTests
{
    private TempDirectory _folder = null!;

    [SetUp]
    public void NewFolder()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void A_mistyped_command_suggests_the_right_one()
    {
        var result = CliRunner.Run("plna");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain("error: Unrecognized command or argument 'plna'."));
        Assert.That(result.Error, Does.Contain("information: 'plna' is not known; did you mean 'plan'?"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void A_mistyped_command_is_not_also_reported_as_a_missing_command()
    {
        var result = CliRunner.Run("plna");

        Assert.That(result.Error, Does.Not.Contain("Required command"));
        Assert.That(result.Error, Does.StartWith("error: Unrecognized command or argument 'plna'."));
    }

    [TestCase("")]
    [TestCase("--verbose")]
    public void Fwkit_without_a_command_shows_the_commands_on_stderr_and_exits_2(string globalOption)
    {
        var result = CliRunner.Run(globalOption.Length == 0 ? [] : [globalOption]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Out, Is.Empty, "stdout carries only what was asked for");
        Assert.That(result.Error, Does.Contain("Commands:"));
        Assert.That(result.Error, Does.Contain("plan").And.Contain("export").And.Contain("apply").And.Contain("audit"));
        Assert.That(result.Error, Does.Contain("error: command line: no command given. Fix: name one of the commands above"));
        Assert.That(result.Error, Does.Not.Contain("Required command"));
    }

    public static IEnumerable<TestCaseData> ChoiceErrors()
    {
        var cluster = RepoPaths.Profile("cluster.json");
        TestCaseData Case(string[] args, string option, string value, string[] choices, string fix) =>
            new TestCaseData(args, option, value, choices, fix).SetArgDisplayNames(string.Join(' ', args));
        yield return Case(["export", "--profile", cluster, "--format", "ps1"], "--format", "ps1", ["powershell", "netsh", "json", "registry-pol", "gpo-backup"], "Fix: use --format powershell, --format netsh, --format json, --format registry-pol or --format gpo-backup");
        yield return Case(["plan", "--profile", cluster, "--format", "jsn"], "--format", "jsn", ["table", "text", "json"], "Fix: did you mean 'json'? Use --format json");
        yield return Case(["verify", "--profile", cluster, "--format", "xml"], "--format", "xml", ["table", "text", "json"], "Fix: use --format table, --format text or --format json");
        yield return Case(["init", "--topology", "multi"], "--topology", "multi", ["single", "cluster", "multi-server"], "Fix: did you mean 'multi-server'? Use --topology multi-server");
        yield return Case(["check", "--profile", cluster, "--from", "10.0.0.1", "--port", "443", "--firewall-profile", "dom"], "--firewall-profile", "dom", ["domain", "private", "public"], "Fix: did you mean 'domain'? Use --firewall-profile domain");
        yield return Case(["check", "--profile", cluster, "--from", "10.0.0.1", "--port", "443", "--protocol", "icmp"], "--protocol", "icmp", ["tcp", "udp"], "Fix: use --protocol tcp or --protocol udp");
        yield return Case(["audit", "--rules", "dump.txt", "--firewall-profile", "dom"], "--firewall-profile", "dom", ["Domain", "Private", "Public"], "Fix: did you mean 'Domain'? Use --firewall-profile Domain");
        yield return Case(["schema", "profil"], "NAME", "profil", ["profile", "catalog"], "Fix: did you mean 'profile'? Use fwkit schema profile");
    }

    [TestCaseSource(nameof(ChoiceErrors))]
    public void A_value_that_is_not_one_of_the_choices_names_the_value_the_choices_and_a_fix_on_one_line(string[] args, string option, string value, string[] choices, string fix)
    {
        var result = CliRunner.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Out, Is.Empty);
        var error = result.Error.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.That(error, Does.StartWith($"error: command line: {option}: '{value}' is not one of {string.Join(", ", choices)}. {fix}"));
        Assert.That(result.Error, Does.Not.Contain("\\n").And.Not.Contain("\\t").And.Not.Contain("not recognized"));
    }

    [Test]
    public void A_choice_value_still_completes_on_tab()
    {
        // How a shell's completion script calls it: the cursor position, then the command line as one word.
        var result = CliRunner.Run("[suggest:18]", "export --format ne");

        Assert.That(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "netsh" }));
    }

    [Test]
    public void A_mistyped_option_suggests_the_right_one_and_not_aliases_for_its_value()
    {
        var result = CliRunner.Run("plan", "--formt", "json", "--profile", RepoPaths.Profile("cluster.json"));

        Assert.That(result.Error, Does.Contain("'--formt' is not known; did you mean '--format'?"));
        Assert.That(result.Error, Does.Not.Contain("'json' is not known"));
    }

    [Test]
    public void A_command_line_error_goes_to_the_log_file()
    {
        var log = Path.Combine(_folder.Path, "install.log");

        var result = CliRunner.Run("apply", "--profle", "cluster.json", "--log-file", log);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        var written = File.ReadAllText(log);
        Assert.That(written, Does.Contain("[ERR] Unrecognized command or argument '--profle'."));
        Assert.That(written, Does.Contain("[INF] '--profle' is not known; did you mean '--profile'?"));
    }

    [Test]
    public void Quiet_keeps_the_errors_and_drops_the_suggestions()
    {
        var result = CliRunner.Run("plna", "--quiet");

        Assert.That(result.Error, Does.Contain("error: Unrecognized command or argument 'plna'."));
        Assert.That(result.Error, Does.Not.Contain("information:"));
    }

    [Test]
    public void The_parser_text_becomes_one_line_per_token()
    {
        var corrections = CommandLineErrors.Corrections(
            "'plna' was not matched. Did you mean one of the following?\nplan\n'x' was not matched. Did you mean one of the following?\n-p\n-o\n'--dry' was not matched. Did you mean one of the following?\n--dry-run\n");

        Assert.That(corrections, Is.EqualTo(new[] { "'plna' is not known; did you mean 'plan'?", "'--dry' is not known; did you mean '--dry-run'?" }));
    }
}
