using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

public sealed class ExportCommandTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("fwkit-export-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_PowerShell_file_is_UTF8_with_a_byte_order_mark_for_Windows_PowerShell()
    {
        var path = Path.Combine(_folder, "printeron-fw.ps1");

        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("cluster.json"), "--format", "powershell", "--output", path);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Does.Contain("'PrinterOn CPS ' + [char]0x2013 + ' plain HTTP, redirected"), "non-ASCII text is built from code points");
        Assert.That(result.Out, Is.Empty, "the script went to the file");
    }

    [TestCase("powershell", "mdns.ps1", "# ")]
    [TestCase("netsh", "mdns.cmd", "rem ")]
    public void The_plans_warnings_go_to_stderr_and_into_the_script_header(string format, string file, string comment)
    {
        // AirPrint discovery opens UDP 5353 to LocalSubnet, which the plan warns about; the catalog's UNCONFIRMED ports too.
        var profile = Path.Combine(_folder, "mdns.json");
        File.WriteAllText(profile, ProfileBuilder.SingleServer().Clients("10.0.0.0/8").Admins("10.30.0.0/24").With("airPrintDiscovery").ToJson());
        var path = Path.Combine(_folder, file);

        var result = CliRunner.Run("export", "--profile", profile, "--format", format, "--output", path);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Error, Does.Contain("warning: keyword-not-enforced: UDP 5353 is allowed from LocalSubnet"));
        var header = File.ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith(comment.TrimEnd(), StringComparison.Ordinal) || l.StartsWith('#') || l.StartsWith("@echo", StringComparison.Ordinal)).ToList();
        Assert.That(header, Does.Contain(comment + "Warnings: read them before this script is approved"));
        Assert.That(header, Has.Some.StartWith(comment + "  ! [keyword-not-enforced] UDP 5353 is allowed from LocalSubnet"));
        Assert.That(header, Does.Contain(comment + "Ports: who may reach each one, and why"));
        Assert.That(header, Has.Some.Match($"^{comment}  5353 +UDP +restricted +from "));
        var table = header.SkipWhile(l => !l.Contains("Ports: who may reach", StringComparison.Ordinal)).Where(l => l.StartsWith(comment + "  ", StringComparison.Ordinal)).ToList();
        Assert.That(table.Max(l => l.Length), Is.LessThanOrEqualTo(comment.Length + 100), "the ports and warnings fit a change ticket");
    }

    [Test]
    public void Without_output_the_script_goes_to_stdout_as_plain_text()
    {
        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("cluster.json"));

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Out, Does.StartWith("#Requires -Version 5.1\n"), "powershell is the default format, with no byte order mark in a pipe");
    }

    [Test]
    public void A_netsh_file_is_plain_ASCII()
    {
        var path = Path.Combine(_folder, "printeron-fw.cmd");

        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("single-server.json"), "--format", "netsh", "--output", path);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.All(b => b is >= 0x20 and <= 0x7E or (byte)'\r' or (byte)'\n'), Is.True);
        Assert.That(Encoding.ASCII.GetString(bytes), Does.Contain("PrinterOn CPS - plain HTTP").And.Contain("mobile apps -> CPS"));
    }

    [Test]
    public void An_unknown_format_is_invalid_input()
    {
        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("cluster.json"), "--format", "bash");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void Text_netsh_cannot_carry_is_refused_with_exit_2_and_no_file()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src/FirewallKit.Core/Catalog/Data/printeron.json")))!;
        catalog["entries"]![1]!["displayName"] = "PrinterOn CPS \"secure\" port";
        var catalogPath = Path.Combine(_folder, "catalog.json");
        File.WriteAllText(catalogPath, catalog.ToJsonString());
        var output = Path.Combine(_folder, "out.cmd");

        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("single-server.json"), "--catalog", catalogPath, "--format", "netsh", "--output", output);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("fwkit-printeron-tcp-443-allow").And.Contain("'\"'").And.Contain("--format powershell"));
        Assert.That(File.Exists(output), Is.False);
    }
}
