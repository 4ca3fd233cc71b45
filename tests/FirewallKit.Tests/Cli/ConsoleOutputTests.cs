using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>What stdout can show decides the table's width and its characters; a redirected stream gets everything.</summary>
public class ConsoleOutputTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");
    private static readonly ConsoleTarget NarrowTerminal = new(160, true);
    private static readonly ConsoleTarget CodePage437 = new(null, false);

    private static string PortsSection(string plan) =>
        plan[plan.IndexOf("Ports:", StringComparison.Ordinal)..plan.IndexOf("Rules (inbound", StringComparison.Ordinal)];

    [Test]
    public void On_a_terminal_the_ports_table_wraps_its_reason_column_to_the_width()
    {
        var result = CliRunner.Run(NarrowTerminal, "plan", "--profile", Cluster);

        var lines = PortsSection(result.Out).Split('\n');
        Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(160));
        Assert.That(lines.Any(l => l.StartsWith(new string(' ', 40), StringComparison.Ordinal)), Is.True, "continuation lines under the reason column");
    }

    [TestCase(120)]
    [TestCase(100)]
    public void In_a_terminal_of_that_width_no_line_of_the_plan_is_wider_than_the_screen(int columns)
    {
        var result = CliRunner.Run(new ConsoleTarget(columns, true), "plan", "--profile", Cluster);

        var lines = result.Out.Split('\n');
        Assert.That(lines.Where(l => l.Length >= columns), Is.Empty, "a line as wide as the terminal wraps the cursor");
        Assert.That(result.Out, Does.Contain("\n  ! [unconfirmed] pds-alternate: UNCONFIRMED: "), "a warning starts as before");
        Assert.That(lines, Has.Some.Match(@"^  5200 +TCP +restricted +peers:pas: +[0-9.,-]* *cluster: PAS servers"), "allowed-from and reason wrap side by side");
    }

    [Test]
    public void Wrapping_keeps_every_word_of_every_reason()
    {
        var wide = CliRunner.Run(ConsoleTarget.Plain, "plan", "--profile", Cluster).Out;
        var narrow = CliRunner.Run(NarrowTerminal, "plan", "--profile", Cluster).Out;

        // Two columns wrap side by side, so their words interleave: the same words, not the same order.
        static string[] Words(string text) => [.. text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
        Assert.That(Words(narrow), Is.EqualTo(Words(wide)));
        Assert.That(Words(CliRunner.Run(new ConsoleTarget(120, true), "plan", "--profile", Cluster).Out), Is.EqualTo(Words(wide)));
    }

    [Test]
    public void Redirected_output_stays_full_width()
    {
        var result = CliRunner.Run(ConsoleTarget.Plain, "plan", "--profile", Cluster);

        Approvals.Verify(result.Out, "cluster.plan.txt");
    }

    [Test]
    public void A_file_written_with_output_stays_full_width_on_a_terminal()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(Directory.CreateDirectory(folder.Path).FullName, "plan.txt");

        CliRunner.Run(NarrowTerminal, "plan", "--profile", Cluster, "--output", file);

        Assert.That(File.ReadAllText(file), Is.EqualTo(CliRunner.Run(ConsoleTarget.Plain, "plan", "--profile", Cluster).Out));
    }

    [Test]
    public void A_console_without_utf8_gets_ascii_stand_ins()
    {
        var result = CliRunner.Run(CodePage437, "plan", "--profile", Cluster);

        Assert.That(result.Out.All(char.IsAscii), Is.True);
        Assert.That(result.Out, Does.Contain("PrinterOn Print Server 5.1.2 - profile 'cluster' - cluster - strict"));
        Assert.That(result.Out, Does.Contain("clients and mobile apps -> CPS (HTTPS)"));
        Assert.That(result.Out, Does.Contain("PAS servers <-> PrintAnywhere server"));
    }

    [Test]
    public void Check_on_a_console_without_utf8_gets_a_plain_dash()
    {
        var result = CliRunner.Run(CodePage437, "check", "--profile", Cluster, "--from", "10.20.0.99", "--port", "5200", "--firewall-profile", "domain");

        Assert.That(result.Out, Is.EqualTo("blocked: TCP 5200 from 10.20.0.99 - rule fwkit-printeron-tcp-5200-block-others (Block)\n"));
    }

    [Test]
    public void Json_on_a_console_without_utf8_escapes_and_means_the_same()
    {
        var ascii = CliRunner.Run(CodePage437, "plan", "--profile", Cluster, "--format", "json").Out;
        var unicode = CliRunner.Run(ConsoleTarget.Plain, "plan", "--profile", Cluster, "--format", "json").Out;

        Assert.That(ascii.All(char.IsAscii), Is.True);
        Assert.That(ascii, Does.Contain("\\u2192"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(ascii), JsonNode.Parse(unicode)), Is.True);
    }

    [Test]
    public void A_writer_that_is_not_the_console_is_plain()
    {
        using var writer = new StringWriter();

        Assert.That(ConsoleTarget.For(writer), Is.EqualTo(ConsoleTarget.Plain));
    }
}
