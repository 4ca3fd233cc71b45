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
