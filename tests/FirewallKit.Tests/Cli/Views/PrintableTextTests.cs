using FirewallKit.Cli.Views;

namespace FirewallKit.Tests.Cli.Views;

/// <summary>Control characters in user text never reach a person's terminal or log raw.</summary>
public sealed class PrintableTextTests
{
    private const string Forged = "10.0.0.5\n[12:00:00 ERR] error: forged line";

    [Test]
    public void Controls_line_breaks_and_bidi_overrides_are_escaped_and_other_text_is_kept()
    {
        Assert.That(PrintableText.Escape("a\nb\r\t\u001B[2J\u007F\u0085\u202Eevil\u2066\u2028"), Is.EqualTo("a\\nb\\r\\t\\u001B[2J\\u007F\\u0085\\u202Eevil\\u2066\\u2028"));
        Assert.That(PrintableText.Escape("Web \u2192 caf\u00E9 \u2013 C:\\x 'q'"), Is.EqualTo("Web \u2192 caf\u00E9 \u2013 C:\\x 'q'"));
    }

    [Test]
    public void An_address_with_a_line_break_cannot_forge_a_log_line_on_stderr_or_in_the_log_file()
    {
        using var folder = new TempDirectory();
        var logFile = Path.Combine(folder.Path, "fwkit.log");

        var result = CliRunner.Run("--log-file", logFile, "check", "--profile", RepoPaths.Profile("cluster.json"), "--from", Forged + "\u001B[2J", "--port", "443");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        foreach (var output in new[] { result.Error, File.ReadAllText(logFile) })
        {
            Assert.That(output, Does.Contain("10.0.0.5\\n[12:00:00 ERR] error: forged line\\u001B[2J"));
            Assert.That(output.Split('\n'), Has.None.StartsWith("[12:00:00"), output);
            // Ordinal: the tests run with culture data (tr-TR script tests), where a culture-aware search ignores ESC.
            Assert.That(output.Contains('\u001B', StringComparison.Ordinal), Is.False, output);
        }
    }

    [Test]
    public void The_plan_table_shows_control_characters_escaped()
    {
        var plan = HostileInput.Plan();
        plan = plan with { Source = plan.Source with { ProfileName = "p\u001B[2J\n[12:00:00 ERR] forged", RuleGroup = "g\u202Eevil" } };

        var text = PlanTableFormatter.Table(plan);

        Assert.That(text.Replace("\n", string.Empty, StringComparison.Ordinal).Any(PrintableText.NeedsEscape), Is.False);
        Assert.That(text, Does.Contain("profile 'p\\u001B[2J\\n[12:00:00 ERR] forged'").And.Contain("Rule group 'g\\u202Eevil'"));
    }
}
