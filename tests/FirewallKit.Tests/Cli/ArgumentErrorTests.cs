using FirewallKit.Cli;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>Whatever the command line holds, fwkit ends in a documented exit code without a stack trace.</summary>
public class ArgumentErrorTests
{
    private static readonly string Profile = RepoPaths.Profile("single-server.json");

    public static IEnumerable<TestCaseData> EmptyPaths()
    {
        yield return new TestCaseData("--profile", new[] { "validate", "--profile", string.Empty }).SetArgDisplayNames("validate --profile \"\"");
        yield return new TestCaseData("--catalog", new[] { "validate", "--profile", Profile, "--catalog", string.Empty }).SetArgDisplayNames("validate --catalog \"\"");
        yield return new TestCaseData("--rules", new[] { "check", "--rules", string.Empty, "--from", "10.0.0.1", "--port", "443" }).SetArgDisplayNames("check --rules \"\"");
        yield return new TestCaseData("--backup", new[] { "rollback", "--backup", string.Empty }).SetArgDisplayNames("rollback --backup \"\"");
        yield return new TestCaseData("--backup-dir", new[] { "apply", "--profile", Profile, "--backup-dir", string.Empty }).SetArgDisplayNames("apply --backup-dir \"\"");
        yield return new TestCaseData("--from", new[] { "check", "--profile", Profile, "--from", string.Empty, "--port", "443" }).SetArgDisplayNames("check --from \"\"");
    }

    [TestCaseSource(nameof(EmptyPaths))]
    public void An_empty_value_is_exit_2_naming_the_option(string option, string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.Contain($"error: Option '{option}' was given an empty value."));
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(result.Out, Is.Empty);
    }

    [TestCase("abc")]
    [TestCase("99999999999999999999")]
    public void A_port_that_is_not_a_number_never_crashes_the_process(string port)
    {
        // The cause is check's --port validator (see CheckCommand); whatever it does, the host must
        // end the run with a documented exit code and no stack trace.
        var result = CliRunner.Run("check", "--profile", Profile, "--from", "10.0.0.1", "--port", port);

        Assert.That(result.ExitCode, Is.AnyOf(ExitCodes.InvalidInput, ExitCodes.InternalError), result.Error);
        Assert.That(result.Error, Does.Contain("--port").And.Contain(port));
        Assert.That(result.Error, Does.Not.Contain("   at "));
        Assert.That(result.Out, Is.Empty);
    }
}
